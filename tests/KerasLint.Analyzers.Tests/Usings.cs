global using Xunit;
global using KerasLint.Analyzers.Tests.Infrastructure;
global using KerasLint.Rules;
global using KerasLint.CodeFixes;
global using Microsoft.CodeAnalysis;
global using Microsoft.CodeAnalysis.Testing;
global using KerasLint.Analysis;
