using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KerasLint.Knowledge;
using KerasLint.Model;
using KerasLint.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace KerasLint.CodeFixes
{
    /// <summary>One activation site of a TorchSharp diagnostic, resolved to syntax in the diagnostic's document.</summary>
    internal sealed class FixSite
    {
        public FixSite(ActivationSiteKind kind, SyntaxNode node, SyntaxNode factory, SyntaxNode? input)
        {
            Kind = kind;
            Node = node;
            Factory = factory;
            Input = input;
        }

        public ActivationSiteKind Kind { get; }
        public SyntaxNode Node { get; }
        public SyntaxNode Factory { get; }
        public SyntaxNode? Input { get; }
    }

    /// <summary>
    /// What a TorchSharp loss diagnostic carries (see <see cref="TorchStepRuleAnalyzer.Create"/>), resolved to
    /// syntax (the sites may be in other documents: a model class in its own file), and the local, compile-checked
    /// edits the TorchSharp fixes are made of. Every edit returns null when it is not safe (a shape it does not
    /// handle, a rename that would not bind); the fix is then not offered.
    /// </summary>
    internal sealed class TorchFixes
    {
        private readonly Dictionary<SyntaxTree, (DocumentId Id, SyntaxNode Root, SemanticModel Model)> trees;

        private TorchFixes(Solution solution, Dictionary<SyntaxTree, (DocumentId, SyntaxNode, SemanticModel)> trees, InvocationExpressionSyntax lossCall, SyntaxNode? construction, TorchLossForm form, HeadActivation head, ImmutableArray<FixSite> sites)
        {
            Solution = solution;
            this.trees = trees;
            LossCall = lossCall;
            Construction = construction;
            Form = form;
            Head = head;
            Sites = sites;
        }

        public Solution Solution { get; }
        public InvocationExpressionSyntax LossCall { get; }

        /// <summary>The loss factory / object creation (module form) or the functional call; null when unknown.</summary>
        public SyntaxNode? Construction { get; }
        public TorchLossForm Form { get; }
        public HeadActivation Head { get; }

        /// <summary>The constant that sets the prediction's width (<c>Linear(16, 1)</c>'s <c>1</c>), in any document; null when not carried.</summary>
        public SyntaxNode? UnitsNode { get; private set; }

        /// <summary>The prediction's width constant replaced by <paramref name="units"/>; null when it is not a plain integer literal.</summary>
        public Dictionary<SyntaxNode, SyntaxNode?>? SetUnits(int units) =>
            UnitsNode is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.NumericLiteralExpression) && literal.Token.Value is int
                ? new Dictionary<SyntaxNode, SyntaxNode?> { [literal] = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(units)).WithTriviaFrom(literal) }
                : null;

        /// <summary>The sites (in any document of the solution), or default when one cannot be found.</summary>
        public ImmutableArray<FixSite> Sites { get; }

        public static async Task<TorchFixes?> ReadAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var solution = document.Project.Solution;
            var trees = new Dictionary<SyntaxTree, (DocumentId, SyntaxNode, SemanticModel)>();

            async Task<SyntaxNode?> FindAsync(Location location)
            {
                var tree = location.SourceTree;
                if (tree == null) return null;
                if (!trees.TryGetValue(tree, out var loaded))
                {
                    var doc = DocumentResolver.Find(document, diagnostic, location);
                    if (doc == null) return null;
                    var docRoot = await doc.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                    var docModel = await doc.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                    if (docRoot == null || docModel == null) return null;
                    loaded = (doc.Id, docRoot, docModel);
                    trees[tree] = loaded;
                    trees[docRoot.SyntaxTree] = loaded;
                }

                return Find(loaded.Item2, location);
            }

            if (!(await FindAsync(diagnostic.Location).ConfigureAwait(false) is InvocationExpressionSyntax lossCall)) return null;
            var p = diagnostic.Properties;
            if (!Enum.TryParse<TorchLossForm>(p.GetValueOrDefault(TorchStepRuleAnalyzer.FormProperty) ?? "", out var form)) return null;
            if (!Enum.TryParse<HeadActivation>(p.GetValueOrDefault(TorchStepRuleAnalyzer.HeadProperty) ?? "", out var head)) return null;
            var additional = diagnostic.AdditionalLocations;
            SyntaxNode? construction = null;
            if (p.GetValueOrDefault(TorchStepRuleAnalyzer.HasConstructionProperty) == "true" && additional.Count > 0)
            {
                construction = await FindAsync(additional[0]).ConfigureAwait(false);
            }

            var kinds = (p.GetValueOrDefault(TorchStepRuleAnalyzer.SitesProperty) ?? "").Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries);
            var sites = ImmutableArray.CreateBuilder<FixSite>();
            var hasUnits = p.GetValueOrDefault(TorchStepRuleAnalyzer.UnitsNodeProperty) == "true";
            var sitesUsable = additional.Count == 1 + 3 * kinds.Length + (hasUnits ? 1 : 0);
            for (var i = 0; sitesUsable && i < kinds.Length; i++)
            {
                var parts = kinds[i].Split(':');
                if (!Enum.TryParse<ActivationSiteKind>(parts[0], out var kind)) { sitesUsable = false; break; }
                var node = await FindAsync(additional[1 + 3 * i]).ConfigureAwait(false);
                var factory = await FindAsync(additional[2 + 3 * i]).ConfigureAwait(false);
                var input = parts.Length > 1 ? await FindAsync(additional[3 + 3 * i]).ConfigureAwait(false) : null;
                if (node == null || factory == null) { sitesUsable = false; break; }
                sites.Add(new FixSite(kind, node, factory, input));
            }

            var unitsNode = hasUnits && additional.Count > 0 ? await FindAsync(additional[additional.Count - 1]).ConfigureAwait(false) : null;
            return new TorchFixes(solution, trees, lossCall, construction, form, head, sitesUsable ? sites.ToImmutable() : default) { UnitsNode = unitsNode };
        }

        private SemanticModel? ModelFor(SyntaxNode node) => trees.TryGetValue(node.SyntaxTree, out var t) ? t.Model : null;

        /// <summary>The expression or node whose span is exactly the location's.</summary>
        private static SyntaxNode? Find(SyntaxNode root, Location location)
        {
            if (!root.FullSpan.Contains(location.SourceSpan)) return null;
            var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
            for (var n = node; n != null && n.Span == location.SourceSpan; n = n.Parent)
            {
                if (n is InvocationExpressionSyntax || n is ObjectCreationExpressionSyntax || n is TupleExpressionSyntax) return n;
            }

            return node.Span == location.SourceSpan ? node : null;
        }

        // ------------------------------------------------------------ removing the activation

        /// <summary>The document with every site's activation removed: a call unwrapped to its input, a Sequential element or an append dropped.</summary>
        public Dictionary<SyntaxNode, SyntaxNode?>? RemoveActivation()
        {
            if (Sites.IsDefaultOrEmpty) return null;
            var replacements = new Dictionary<SyntaxNode, SyntaxNode?>();
            foreach (var site in Sites)
            {
                switch (site.Kind)
                {
                    case ActivationSiteKind.Function:
                    case ActivationSiteKind.ModuleCall:
                        if (!(site.Input is ExpressionSyntax input) || !(site.Node is InvocationExpressionSyntax outer)) return null;
                        // softmax(softmax(x, 1), 1): the inner one would raise the same diagnostic, so the stack goes.
                        replacements[site.Node] = Parenthesize(site.Kind == ActivationSiteKind.Function ? StripStacked(outer, input) : input).WithTriviaFrom(site.Node);
                        break;
                    case ActivationSiteKind.SequentialElement:
                        if (!(site.Node.Parent is ArgumentSyntax argument) || !(argument.Parent is ArgumentListSyntax)) return null;
                        replacements[argument] = null;
                        break;
                    case ActivationSiteKind.Append:
                        if (site.Node.Parent is ExpressionStatementSyntax statement && statement.Parent is BlockSyntax)
                        {
                            replacements[statement] = null;
                        }
                        else if (site.Input is ExpressionSyntax receiver && site.Node is InvocationExpressionSyntax)
                        {
                            replacements[site.Node] = receiver.WithTriviaFrom(site.Node);
                        }
                        else
                        {
                            return null;
                        }

                        break;
                    default:
                        return null;
                }
            }

            return replacements;
        }

        // ------------------------------------------------------------ switching the activation / the loss

        /// <summary>The document with every softmax site turned into log_softmax (module factory or function); null when one cannot be.</summary>
        public Dictionary<SyntaxNode, SyntaxNode?>? SoftmaxToLogSoftmax()
        {
            if (Sites.IsDefaultOrEmpty) return null;
            var replacements = new Dictionary<SyntaxNode, SyntaxNode?>();
            foreach (var site in Sites)
            {
                if (!(site.Factory is InvocationExpressionSyntax call)) return null;
                var isModule = site.Kind != ActivationSiteKind.Function;
                var renamed = Rename(call, isModule ? "LogSoftmax" : "log_softmax");
                if (renamed == null && !isModule && site.Input is ExpressionSyntax input && call.ArgumentList.Arguments.Count == 2)
                {
                    // torch.softmax(x, 1) has no torch.log_softmax: use the Tensor method.
                    var dim = call.ArgumentList.Arguments.FirstOrDefault(a => a.Expression != input && !a.Expression.Span.Contains(input.Span))?.Expression;
                    if (dim == null) return null;
                    var candidate = SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Parenthesize(input.WithoutTrivia()), SyntaxFactory.IdentifierName("log_softmax")),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(dim.WithoutTrivia())))).WithTriviaFrom(call);
                    renamed = Binds(call, candidate, "log_softmax") ? SameOverloadCheck.Declare(candidate, "log_softmax") : null;
                }

                if (renamed == null) return null;
                replacements[call] = renamed;
            }

            return replacements;
        }

        /// <summary>The loss construction (module form) or the functional call renamed; null when it cannot be.</summary>
        public Dictionary<SyntaxNode, SyntaxNode?>? SwitchLoss(string factory, string functional)
        {
            if (Construction == null) return null;
            SyntaxNode? renamed = Construction switch
            {
                InvocationExpressionSyntax call => Rename(call, Form == TorchLossForm.Functional ? functional : factory),
                ObjectCreationExpressionSyntax creation => RenameCreation(creation, factory),
                _ => null,
            };
            return renamed == null ? null : new Dictionary<SyntaxNode, SyntaxNode?> { [Construction] = renamed };
        }

        /// <summary>
        /// The prediction argument of the loss call wrapped in <c>.log_softmax(1)</c> (class dimension 1), after the
        /// edits <paramref name="before"/> when given (the activation removed: when it was applied in the argument
        /// itself, <c>sigmoid(z)</c>, what is wrapped is what the removal leaves, <c>z</c>); null when it cannot be.
        /// </summary>
        public Dictionary<SyntaxNode, SyntaxNode?>? WrapPredictionInLogSoftmax(Dictionary<SyntaxNode, SyntaxNode?>? before = null)
        {
            var first = LossCall.ArgumentList.Arguments.FirstOrDefault();
            if (first == null || first.NameColon != null) return null;
            var result = before == null ? new Dictionary<SyntaxNode, SyntaxNode?>() : new Dictionary<SyntaxNode, SyntaxNode?>(before);
            var inner = first.Expression;
            if (result.TryGetValue(first.Expression, out var removed))
            {
                if (!(removed is ExpressionSyntax left)) return null;
                inner = left;
            }
            else if (result.Keys.Any(k => k.SyntaxTree == first.SyntaxTree && k.FullSpan.OverlapsWith(first.Expression.FullSpan)))
            {
                return null;
            }

            var wrapped = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Parenthesize(inner.WithoutTrivia()), SyntaxFactory.IdentifierName("log_softmax")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(1))))))
                .WithTriviaFrom(first.Expression);
            if (!Binds(first.Expression, wrapped, "log_softmax")) return null;
            result[first.Expression] = wrapped;
            return result;
        }

        /// <summary>Several edit sets as one; null when any is null or empty, or two edits in one document overlap.</summary>
        public static Dictionary<SyntaxNode, SyntaxNode?>? Combine(params Dictionary<SyntaxNode, SyntaxNode?>?[] edits)
        {
            var all = new Dictionary<SyntaxNode, SyntaxNode?>();
            foreach (var set in edits)
            {
                if (set == null) return null;
                foreach (var pair in set) all[pair.Key] = pair.Value;
            }

            if (all.Count == 0) return null;
            foreach (var group in all.Keys.GroupBy(n => n.SyntaxTree))
            {
                var nodes = group.ToList();
                if (nodes.Any(a => nodes.Any(b => a != b && a.FullSpan.OverlapsWith(b.FullSpan)))) return null;
            }

            return all;
        }

        /// <summary>
        /// The solution with the edits applied, when every call they touch still binds to its method and every renamed
        /// factory to the one it names (<see cref="SameOverloadCheck"/>); null otherwise (the fix is then not offered).
        /// </summary>
        public async Task<Solution?> ApplyCheckedAsync(Dictionary<SyntaxNode, SyntaxNode?> all, CancellationToken cancellationToken)
        {
            var changed = ToSolution(all, cancellationToken);
            if (changed == Solution) return null;
            foreach (var group in all.Keys.GroupBy(n => n.SyntaxTree))
            {
                if (!trees.TryGetValue(group.Key, out var target)) return null;
                var before = Solution.GetDocument(target.Id);
                var after = changed.GetDocument(target.Id);
                if (before == null || after == null || !(await SameOverloadCheck.CheckedAsync(before, after, cancellationToken).ConfigureAwait(false) is { } checkedDocument)) return null;
                changed = checkedDocument.Project.Solution;
            }

            return changed;
        }

        /// <summary>The solution with the edits applied, in whatever documents they touch.</summary>
        public Solution ToSolution(Dictionary<SyntaxNode, SyntaxNode?> all, CancellationToken cancellationToken)
        {
            var solution = Solution;
            foreach (var group in all.Keys.GroupBy(n => n.SyntaxTree))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!trees.TryGetValue(group.Key, out var target)) return Solution;
                var nodes = group.ToList();

                // The calls around each edit are marked first, for the binding check (ApplyCheckedAsync).
                var newRoot = target.Root.TrackNodes(nodes);
                newRoot = SameOverloadCheck.Mark(newRoot, nodes.SelectMany(n => SameOverloadCheck.Touched(newRoot.GetCurrentNode(n) ?? n, SameOverloadCheck.IsDeclared(all[n]), removed: all[n] == null)));
                foreach (var node in nodes)
                {
                    var current = newRoot.GetCurrentNode(node);
                    if (current == null) return Solution;
                    var replacement = all[node];
                    if (replacement == null)
                    {
                        var options = SyntaxRemoveOptions.KeepUnbalancedDirectives;
                        if (current.GetLeadingTrivia().Any(IsComment)) options |= SyntaxRemoveOptions.KeepLeadingTrivia;
                        if (current.GetTrailingTrivia().Any(IsComment)) options |= SyntaxRemoveOptions.KeepTrailingTrivia;
                        var removed = newRoot.RemoveNode(current, options);
                        if (removed == null) return Solution;
                        newRoot = removed;
                    }
                    else
                    {
                        newRoot = newRoot.ReplaceNode(current, replacement);
                    }
                }

                solution = solution.WithDocumentSyntaxRoot(target.Id, newRoot);
            }

            return solution;
        }

        /// <summary>
        /// The input below a stack of the same activation applied the same way (<c>softmax(softmax(x, 1), 1)</c>,
        /// <c>x.sigmoid().sigmoid()</c>): removing only the outer one would leave the diagnostic in place.
        /// </summary>
        private static ExpressionSyntax StripStacked(InvocationExpressionSyntax outer, ExpressionSyntax input)
        {
            var name = NameOf(outer);
            var fromArgument = outer.ArgumentList.Arguments.Count > 0 && outer.ArgumentList.Arguments[0].Expression == input;
            var fromReceiver = outer.Expression is MemberAccessExpressionSyntax access && access.Expression == input;
            var current = input;
            for (var depth = 0; depth < 16 && name != null; depth++)
            {
                var inner = current;
                while (inner is ParenthesizedExpressionSyntax p) inner = p.Expression;
                if (!(inner is InvocationExpressionSyntax call) || NameOf(call) != name) break;
                if (fromArgument && call.ArgumentList.Arguments.Count > 0) current = call.ArgumentList.Arguments[0].Expression;
                else if (fromReceiver && call.Expression is MemberAccessExpressionSyntax m) current = m.Expression;
                else break;
            }

            return current;
        }

        private static string? NameOf(InvocationExpressionSyntax call) => call.Expression switch
        {
            MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
            SimpleNameSyntax n => n.Identifier.ValueText,
            _ => null,
        };

        private static bool IsComment(SyntaxTrivia t) => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia);

        private static ExpressionSyntax Parenthesize(ExpressionSyntax e) =>
            e is IdentifierNameSyntax || e is InvocationExpressionSyntax || e is MemberAccessExpressionSyntax || e is ElementAccessExpressionSyntax
            || e is ParenthesizedExpressionSyntax || e is ThisExpressionSyntax || e is LiteralExpressionSyntax
                ? e
                : SyntaxFactory.ParenthesizedExpression(e.WithoutTrivia()).WithTriviaFrom(e).WithAdditionalAnnotations(Simplifier.Annotation);

        // ------------------------------------------------------------ compile checks

        /// <summary>The call with its method name replaced, when that binds to a method of that name whose result fits where the call is.</summary>
        private InvocationExpressionSyntax? Rename(InvocationExpressionSyntax call, string name)
        {
            ExpressionSyntax? expression = call.Expression switch
            {
                IdentifierNameSyntax id => Renamed(id, name),
                MemberAccessExpressionSyntax member when member.Name is IdentifierNameSyntax id => member.WithName(Renamed(id, name)),
                _ => null,
            };
            if (expression == null) return null;
            var renamed = call.WithExpression(expression);
            return Binds(call, renamed, name) ? SameOverloadCheck.Declare(renamed, name) : null;
        }

        private static IdentifierNameSyntax Renamed(IdentifierNameSyntax id, string name) =>
            id.WithIdentifier(SyntaxFactory.Identifier(id.Identifier.LeadingTrivia, name, id.Identifier.TrailingTrivia));

        private ObjectCreationExpressionSyntax? RenameCreation(ObjectCreationExpressionSyntax creation, string typeName)
        {
            TypeSyntax? type = creation.Type switch
            {
                IdentifierNameSyntax id => Renamed(id, typeName),
                QualifiedNameSyntax q when q.Right is IdentifierNameSyntax id => q.WithRight(Renamed(id, typeName)),
                _ => null,
            };
            if (type == null) return null;
            var renamed = creation.WithType(type);
            return Binds(creation, renamed, ".ctor") ? SameOverloadCheck.Declare(renamed, typeName) : null;
        }

        /// <summary>
        /// Whether <paramref name="replacement"/> binds at <paramref name="original"/>'s position to a method called
        /// <paramref name="name"/> whose result can stand where the original's did: the same type, an implicit
        /// conversion to the original's target type, a receiver of <c>forward</c>/<c>call</c>, or the initializer of a
        /// <c>var</c> local used only as such a receiver.
        /// </summary>
        private bool Binds(ExpressionSyntax original, ExpressionSyntax replacement, string name)
        {
            var model = ModelFor(original);
            if (model == null) return false;
            var info = model.GetSpeculativeSymbolInfo(original.SpanStart, replacement, SpeculativeBindingOption.BindAsExpression);
            if (!(info.Symbol is IMethodSymbol method) || method.Name != name) return false;
            var newType = method.MethodKind == MethodKind.Constructor ? method.ContainingType : method.ReturnType;
            var typeInfo = model.GetTypeInfo(original);
            if (typeInfo.Type == null || SymbolEqualityComparer.Default.Equals(newType, typeInfo.Type)) return true;
            var target = typeInfo.ConvertedType;
            if (target != null && !SymbolEqualityComparer.Default.Equals(target, typeInfo.Type))
            {
                return model.Compilation.ClassifyConversion(newType, target).IsImplicit;
            }

            if (IsModuleReceiver(original)) return true;
            if (original.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                && declarator.Parent is VariableDeclarationSyntax { Type: { IsVar: true } } declaration && declaration.Variables.Count == 1
                && model.GetDeclaredSymbol(declarator) is ILocalSymbol local)
            {
                var scope = declaration.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax || n is AccessorDeclarationSyntax || n is LocalFunctionStatementSyntax || n is AnonymousFunctionExpressionSyntax) ?? original.SyntaxTree.GetRoot();
                return scope.DescendantNodes().OfType<IdentifierNameSyntax>()
                    .Where(id => id.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id).Symbol, local))
                    .All(IsModuleReceiver);
            }

            return false;
        }

        private static bool IsModuleReceiver(ExpressionSyntax e) =>
            e.Parent is MemberAccessExpressionSyntax member && member.Expression == e
            && (member.Name.Identifier.ValueText == "forward" || member.Name.Identifier.ValueText == "call")
            && member.Parent is InvocationExpressionSyntax;
    }
}
