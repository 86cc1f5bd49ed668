using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Analysis
{
    /// <summary>Analyzer options with no values: what an adapter falls back to when no setting is read (KL0014's "used instead").</summary>
    internal sealed class NoOptions : AnalyzerConfigOptions
    {
        private static readonly NoOptions Instance = new NoOptions();

        private NoOptions()
        {
        }

        /// <summary>Options whose every file and the global section have no values.</summary>
        public static AnalyzerOptions None { get; } = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new EmptyProvider());

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
