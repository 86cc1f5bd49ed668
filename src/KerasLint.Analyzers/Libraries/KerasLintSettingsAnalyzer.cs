using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Libraries.KerasNet;
using KerasLint.Libraries.TfNet;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Libraries
{
    /// <summary>
    /// The settings analyzer (KL0014): a <c>keraslint.*</c> option whose value KerasLint cannot read. Reported once per compilation per
    /// (key, value), naming the files it applies to, what is used instead and the accepted forms; without it the
    /// value would be ignored without a word. It lives with the libraries because each option and its parse belong
    /// to a library's adapter.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KerasLintSettingsAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>A KerasLint option: its key, the library it configures, how it parses, and its accepted forms.</summary>
        private sealed class Setting
        {
            public Setting(string key, string library, Func<string, bool> readable, string accepted)
            {
                Key = key;
                Library = library;
                Readable = readable;
                Accepted = accepted;
            }

            public string Key { get; }

            public string Library { get; }

            public Func<string, bool> Readable { get; }

            public string Accepted { get; }
        }

        /// <summary>Every option KerasLint reads; a new option adds a row here (the parse is the adapter's own).</summary>
        private static readonly Setting[] Settings =
        {
            new Setting(KerasNetAdapter.VersionOption, "Keras.NET", text => KerasFamilies.TryParse(text, out _),
                "2.2, 2.3, tf2, 3 or a version (2.3.1)"),
            new Setting(TfNetAdapter.VersionOption, "TensorFlow.NET's Keras", text => TfNetSemantics.TryParseVersion(text, out _),
                "a TensorFlow.Keras version (0.15.0)"),
        };

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
            // (key, value) → the source files it applies to, in compilation order. A dictionary lookup per file: ~nothing.
            var unreadable = new Dictionary<(string Key, string Value), List<SyntaxTree>>();
            foreach (var setting in Settings)
            {
                if (provider.GlobalOptions.TryGetValue(setting.Key, out var global) && !setting.Readable(global))
                {
                    unreadable[(setting.Key, global)] = new List<SyntaxTree>();
                }
            }

            foreach (var tree in context.Compilation.SyntaxTrees)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var options = provider.GetOptions(tree);
                foreach (var setting in Settings)
                {
                    if (!options.TryGetValue(setting.Key, out var value) || setting.Readable(value)) continue;
                    if (!unreadable.TryGetValue((setting.Key, value), out var trees)) unreadable[(setting.Key, value)] = trees = new List<SyntaxTree>();
                    trees.Add(tree);
                }
            }

            if (unreadable.Count == 0) return;
            foreach (var entry in unreadable.OrderBy(e => e.Key.Key, StringComparer.Ordinal).ThenBy(e => e.Key.Value, StringComparer.Ordinal))
            {
                var setting = Settings.First(s => s.Key == entry.Key.Key);
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.KL0014, Location.None,
                    setting.Key, entry.Key.Value, setting.Library, Files(entry.Value), Fallback(context.Compilation, setting, entry.Value), setting.Accepted));
            }
        }

        private static string Files(List<SyntaxTree> trees)
        {
            // File names only: a message stays one short sentence (the files are the source files the value applies to).
            var named = trees.Select(t => string.IsNullOrEmpty(t.FilePath) ? "(unnamed file)" : System.IO.Path.GetFileName(t.FilePath)).Distinct(StringComparer.Ordinal).ToList();
            if (named.Count == 0) return "every file";
            return named.Count == 1 ? named[0] : $"{named[0]} +{named.Count - 1}";
        }

        /// <summary>What the rules use in place of the value: the version of the referenced library's assembly, if any.</summary>
        private static string Fallback(Compilation compilation, Setting setting, List<SyntaxTree> trees)
        {
            var adapters = CompilationAnalysis.ForSetups(compilation)?.SetupAdapters ?? ImmutableArray<ISetupAdapter>.Empty;
            var tree = trees.FirstOrDefault() ?? compilation.SyntaxTrees.FirstOrDefault();
            var none = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, NoOptions.Provider);
            if (tree != null && setting.Key == KerasNetAdapter.VersionOption && adapters.OfType<KerasNetAdapter>().FirstOrDefault() is { } kerasNet)
            {
                return kerasNet.FamilyFor(none, tree).Source;
            }

            if (tree != null && setting.Key == TfNetAdapter.VersionOption && adapters.OfType<TfNetAdapter>().FirstOrDefault() is { } tfNet)
            {
                return tfNet.FamilyFor(none, tree).Family.Phrase;
            }

            return $"no version (no {setting.Library} reference)";
        }

        /// <summary>Options with no values: what the adapters fall back to when no setting is read.</summary>
        private sealed class NoOptions : AnalyzerConfigOptions
        {
            public static readonly AnalyzerConfigOptionsProvider Provider = new EmptyProvider();

            private static readonly NoOptions Instance = new NoOptions();

#pragma warning disable CS8765 // netstandard2.0 has no public NotNullWhen for the override to repeat
            public override bool TryGetValue(string key, out string? value)
            {
                value = null;
                return false;
            }
#pragma warning restore CS8765

            private sealed class EmptyProvider : AnalyzerConfigOptionsProvider
            {
                public override AnalyzerConfigOptions GlobalOptions => Instance;

                public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Instance;

                public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Instance;
            }
        }
    }
}
