using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Analysis
{
    /// <summary>
    /// The settings analyzer (KL0014): a <c>keraslint.*</c> option whose value KerasLint cannot read. Reported once per compilation per
    /// (key, value), naming the files it applies to, what is used instead and the accepted forms; without it the
    /// value would be ignored without a word. Each option, its parse and its fallback are declared by the library that
    /// reads it (<see cref="LibrarySetting"/> in its <see cref="RegisteredLibrary"/>); this analyzer names no library.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KerasLintSettingsAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KL0014);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationAction(Analyze);
        }

        private static void Analyze(CompilationAnalysisContext context)
        {
            var provider = context.Options.AnalyzerConfigOptionsProvider;
            // "key=value" → the setting, the value and the source files it applies to, in compilation order. A dictionary
            // lookup per file: ~nothing.
            var unreadable = new Dictionary<string, Unreadable>(StringComparer.Ordinal);
            foreach (var setting in LibraryRegistration.Settings)
            {
                if (provider.GlobalOptions.TryGetValue(setting.Key, out var global) && !setting.Readable(global))
                {
                    unreadable[setting.Key + "=" + global] = new Unreadable(setting, global);
                }
            }

            foreach (var tree in context.Compilation.SyntaxTrees)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var options = provider.GetOptions(tree);
                foreach (var setting in LibraryRegistration.Settings)
                {
                    if (!options.TryGetValue(setting.Key, out var value) || setting.Readable(value)) continue;
                    var key = setting.Key + "=" + value;
                    if (!unreadable.TryGetValue(key, out var entry)) unreadable[key] = entry = new Unreadable(setting, value);
                    entry.Trees.Add(tree);
                }
            }

            if (unreadable.Count == 0) return;
            foreach (var entry in unreadable.Values.OrderBy(e => e.Setting.Key, StringComparer.Ordinal).ThenBy(e => e.Value, StringComparer.Ordinal))
            {
                var setting = entry.Setting;
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.KL0014, Location.None,
                    setting.Key, entry.Value, setting.Library, Files(entry.Trees), Fallback(context.Compilation, setting, entry.Trees), setting.Accepted));
            }
        }

        /// <summary>An unreadable value of a setting and the files it applies to (a class: see FreshProcessArchitectureTests).</summary>
        private sealed class Unreadable
        {
            public Unreadable(LibrarySetting setting, string value)
            {
                Setting = setting;
                Value = value;
            }

            public LibrarySetting Setting { get; }

            public string Value { get; }

            public List<SyntaxTree> Trees { get; } = new List<SyntaxTree>();
        }

        private static string Files(List<SyntaxTree> trees)
        {
            // File names only: a message stays one short sentence (the files are the source files the value applies to).
            var named = trees.Select(t => string.IsNullOrEmpty(t.FilePath) ? "(unnamed file)" : System.IO.Path.GetFileName(t.FilePath)).Distinct(StringComparer.Ordinal).ToList();
            if (named.Count == 0) return "every file";
            return named.Count == 1 ? named[0] : $"{named[0]} +{named.Count - 1}";
        }

        /// <summary>What the rules use in place of the value: the version of the referenced library's assembly, if any.</summary>
        private static string Fallback(Compilation compilation, LibrarySetting setting, List<SyntaxTree> trees)
        {
            var tree = trees.FirstOrDefault() ?? compilation.SyntaxTrees.FirstOrDefault();
            return (tree != null ? setting.Fallback(compilation, tree) : null) ?? $"no version (no {setting.Library} reference)";
        }
    }
}
