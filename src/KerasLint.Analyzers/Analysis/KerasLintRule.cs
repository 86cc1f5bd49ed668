using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace KerasLint.Analysis
{
    /// <summary>
    /// A rule: a plain class that an engine analyzer runs over the neutral models (<see cref="SetupRuleAnalyzer"/>,
    /// <see cref="TorchStepRuleAnalyzer"/>, <see cref="TorchReadoutRuleAnalyzer"/>, <see cref="DropoutRule"/>). It
    /// declares its descriptors; the engine's SupportedDiagnostics is the union of its rules'. The engines find every
    /// rule class through <see cref="RuleRegistry"/> (no line needed); rules hold no state.
    /// </summary>
    public abstract class KerasLintRule
    {
        private protected KerasLintRule()
        {
        }

        /// <summary>The descriptors this rule reports.</summary>
        public abstract ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        /// <summary>
        /// Whether the rule may report anything in this compilation: false only when every one of its ids is
        /// suppressed wherever a severity is configured for it (command line or rule set, global config, every
        /// tree's .editorconfig), or disabled by default and enabled nowhere. Then the engine skips its work; when in
        /// doubt it runs, and the compiler drops what the configuration suppresses.
        /// </summary>
        internal bool IsEnabled(Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (var descriptor in SupportedDiagnostics)
            {
                if (IsEnabled(compilation, descriptor, cancellationToken)) return true;
            }

            return false;
        }

        private static bool IsEnabled(Compilation compilation, DiagnosticDescriptor descriptor, CancellationToken cancellationToken)
        {
            var options = compilation.Options;
            var configured = false;
            if (options.SpecificDiagnosticOptions.TryGetValue(descriptor.Id, out var specific))
            {
                if (specific != ReportDiagnostic.Suppress) return true;
                configured = true;
            }

            if (options.SyntaxTreeOptionsProvider is { } provider)
            {
                if (provider.TryGetGlobalDiagnosticValue(descriptor.Id, cancellationToken, out var global))
                {
                    if (global != ReportDiagnostic.Suppress) return true;
                    configured = true;
                }

                foreach (var tree in compilation.SyntaxTrees)
                {
                    if (provider.TryGetDiagnosticValue(tree, descriptor.Id, cancellationToken, out var local))
                    {
                        if (local != ReportDiagnostic.Suppress) return true;
                    }
                    else if (!configured && descriptor.IsEnabledByDefault)
                    {
                        return true;
                    }
                }

                return false;
            }

            return !configured && descriptor.IsEnabledByDefault;
        }
    }
}
