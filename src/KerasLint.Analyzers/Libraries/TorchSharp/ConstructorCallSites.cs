using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Libraries.TorchSharp
{
    /// <summary>
    /// Every call of a constructor written in the compilation (<c>new Net(4, 1)</c>, <c>new(4, 1)</c>,
    /// <c>: base(4, 1)</c>, <c>: this(…)</c>), so that a constructor parameter can be followed to what every caller
    /// passes. One syntax walk of the compilation on first use (compilation end only); the candidates of a
    /// constructor are bound on demand. When a caller may be hidden (a using alias names the type, an implicit
    /// <c>base()</c> call of a constructor with optional parameters), the answer is "unknown" (null).
    /// <para>Library-neutral on purpose (kept apart from the recognisers so that a shared value flow can replace it).</para>
    /// </summary>
    internal sealed class ConstructorCallSites
    {
        private readonly Compilation compilation;
        private readonly object gate = new object();
        private Dictionary<string, List<SyntaxNode>>? byName;
        private List<SyntaxNode>? unnamed;
        private HashSet<string>? derivedNames;
        private bool hasAliases;

        public ConstructorCallSites(Compilation compilation) => this.compilation = compilation;

        /// <summary>
        /// The bound calls of <paramref name="constructor"/> (object creations or constructor-initializer invocations),
        /// in file and position order; null when a caller may be hidden or cannot be bound.
        /// </summary>
        public IReadOnlyList<IOperation>? CallsOf(IMethodSymbol constructor, System.Func<SyntaxNode, IOperation?> bind, CancellationToken ct)
        {
            if (constructor.MethodKind != MethodKind.Constructor) return null;
            var type = constructor.ContainingType;
            Build(ct);
            if (hasAliases) return null;
            if (constructor.Parameters.Any(p => p.IsOptional || p.IsParams) && derivedNames!.Contains(type.Name)) return null; // an implicit base() call passes the defaults
            var candidates = new List<SyntaxNode>(unnamed!);
            if (byName!.TryGetValue(type.Name, out var named)) candidates.AddRange(named);
            var result = new List<IOperation>();
            foreach (var node in candidates.OrderBy(n => n.SyntaxTree.FilePath, System.StringComparer.Ordinal).ThenBy(n => n.SpanStart))
            {
                ct.ThrowIfCancellationRequested();
                var operation = bind(node);
                if (operation is IExpressionStatementOperation statement) operation = statement.Operation;
                if (operation == null) return null; // a possible caller that cannot be read
                IMethodSymbol? target = operation switch
                {
                    IObjectCreationOperation creation => creation.Constructor,
                    IInvocationOperation invocation => invocation.TargetMethod,
                    _ => null,
                };
                if (target == null) continue;
                if (SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, constructor.OriginalDefinition)) result.Add(operation!);
            }

            return result;
        }

        private void Build(CancellationToken ct)
        {
            lock (gate)
            {
                if (byName != null) return;
                var names = new Dictionary<string, List<SyntaxNode>>(System.StringComparer.Ordinal);
                var others = new List<SyntaxNode>();
                var derived = new HashSet<string>(System.StringComparer.Ordinal);
                var aliases = false;
                foreach (var tree in compilation.SyntaxTrees)
                {
                    foreach (var node in tree.GetRoot(ct).DescendantNodes())
                    {
                        switch (node)
                        {
                            case ObjectCreationExpressionSyntax creation:
                                var name = SimpleName(creation.Type);
                                if (name == null) others.Add(creation);
                                else
                                {
                                    if (!names.TryGetValue(name, out var list)) names[name] = list = new List<SyntaxNode>();
                                    list.Add(creation);
                                }

                                break;
                            case ImplicitObjectCreationExpressionSyntax implicitCreation:
                                others.Add(implicitCreation);
                                break;
                            case ConstructorInitializerSyntax initializer:
                                others.Add(initializer);
                                break;
                            case PrimaryConstructorBaseTypeSyntax primaryBase:
                                others.Add(primaryBase);
                                break;
                            case UsingDirectiveSyntax usingDirective when usingDirective.Alias != null:
                                aliases = true;
                                break;
                            case BaseListSyntax baseList:
                                foreach (var baseType in baseList.Types)
                                {
                                    if (SimpleName(baseType.Type) is { } baseName) derived.Add(baseName);
                                }

                                break;
                        }
                    }
                }

                hasAliases = aliases;
                derivedNames = derived;
                unnamed = others;
                byName = names;
            }
        }

        private static string? SimpleName(TypeSyntax type) => type switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            QualifiedNameSyntax qualified => SimpleName(qualified.Right),
            AliasQualifiedNameSyntax aliasQualified => SimpleName(aliasQualified.Name),
            _ => null,
        };
    }
}
