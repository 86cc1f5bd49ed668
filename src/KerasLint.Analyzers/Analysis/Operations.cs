using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Analysis
{
    /// <summary>Small IOperation helpers every library adapter uses (one place for each).</summary>
    internal static class Operations
    {
        /// <summary>The operation without the conversions and parentheses around it.</summary>
        public static IOperation Unwrap(IOperation op)
        {
            while (true)
            {
                switch (op)
                {
                    case IConversionOperation c:
                        op = c.Operand;
                        continue;
                    case IParenthesizedOperation p:
                        op = p.Operand;
                        continue;
                    default:
                        return op;
                }
            }
        }

        /// <summary>
        /// When <paramref name="argument"/> is an inline <c>new[] { … }</c> or <c>[…]</c> passed to a <c>string[]</c>
        /// parameter: that collection and an empty <c>string[]</c> a fix may put in its place (removing every element would
        /// leave an array whose type cannot be inferred, or an empty collection expression that several overloads accept).
        /// Null otherwise.
        /// </summary>
        public static Model.Replacement? EmptyStringArray(IArgumentOperation argument)
        {
            if (argument.Parameter?.Type is not IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String }) return null;
            var syntax = Unwrap(argument.Value).Syntax;
            return syntax is ImplicitArrayCreationExpressionSyntax or CollectionExpressionSyntax
                ? new Model.Replacement(syntax.GetLocation(), "System.Array.Empty<string>()")
                : null;
        }

        /// <summary><see cref="Unwrap(IOperation)"/> that passes null through.</summary>
        public static IOperation? UnwrapOrNull(IOperation? op) => op == null ? null : Unwrap(op);

        /// <summary>The outermost operation of the member body (method, accessor, field initializer…).</summary>
        public static IOperation Root(IOperation op)
        {
            while (op.Parent != null) op = op.Parent;
            return op;
        }

        /// <summary>The parent, skipping the conversions and parentheses that wrap <paramref name="op"/>.</summary>
        public static IOperation? ParentSkippingWrappers(IOperation op)
        {
            var parent = op.Parent;
            while (parent is IConversionOperation || parent is IParenthesizedOperation) parent = parent.Parent;
            return parent;
        }

        /// <summary>Descendants (and the root), not entering lambdas or local functions (their returns are not the method's).</summary>
        public static IEnumerable<IOperation> DescendantsOutsideLambdas(IOperation root)
        {
            var stack = new Stack<IOperation>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var op = stack.Pop();
                yield return op;
                foreach (var child in op.ChildOperations)
                {
                    if (child is IAnonymousFunctionOperation || child is ILocalFunctionOperation) continue;
                    stack.Push(child);
                }
            }
        }

        /// <summary>The argument bound to a parameter name, or null.</summary>
        public static IArgumentOperation? Argument(IEnumerable<IArgumentOperation> arguments, string parameter)
        {
            foreach (var a in arguments)
            {
                if (a.Parameter?.Name == parameter) return a;
            }

            return null;
        }

        /// <summary>Whether the argument is written in the code (not the parameter's default).</summary>
        public static bool IsExplicit(IArgumentOperation? argument) => argument != null && argument.ArgumentKind != ArgumentKind.DefaultValue;

        /// <summary>Whether the value is the constant <c>null</c>.</summary>
        public static bool IsNullConstant(IOperation op)
        {
            var v = Unwrap(op);
            return v.ConstantValue.HasValue && v.ConstantValue.Value == null;
        }

        public static bool IsOneOf(IMethodSymbol method, System.Collections.Immutable.ImmutableArray<IMethodSymbol> set)
        {
            var def = method.OriginalDefinition;
            foreach (var m in set)
            {
                if (SymbolEqualityComparer.Default.Equals(def, m)) return true;
            }

            return false;
        }

        public static bool Is(ITypeSymbol? type, ITypeSymbol? target) =>
            type != null && target != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, target);

        /// <summary>Whether <paramref name="op"/> may not run every time <paramref name="root"/> runs (a branch, loop, lambda, catch…).</summary>
        public static bool IsConditional(IOperation op, IOperation root)
        {
            for (var p = op.Parent; p != null && p != root; p = p.Parent)
            {
                switch (p)
                {
                    case IConditionalOperation:
                    case ILoopOperation:
                    case ISwitchOperation:
                    case ISwitchCaseOperation:
                    case ICatchClauseOperation:
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                    case ICoalesceOperation:
                    case IConditionalAccessOperation:
                        return true;
                }
            }

            return false;
        }

        /// <summary>Whether a Keras fit call gets validation data (validation_data / validation_split); null when not visible.</summary>
        public static bool? FitValidation(IInvocationOperation fit)
        {
            var data = Operations.Argument(fit.Arguments, "validation_data");
            var split = Operations.Argument(fit.Arguments, "validation_split");
            bool? hasData = false, hasSplit = false;
            if (Operations.IsExplicit(data))
            {
                var v = Operations.Unwrap(data!.Value);
                hasData = v.ConstantValue.HasValue && v.ConstantValue.Value == null ? false : true;
            }

            if (Operations.IsExplicit(split))
            {
                var n = MemberFlow.Number(split!.Value);
                hasSplit = n == null ? (bool?)null : n > 0;
            }

            if (hasData == true || hasSplit == true) return true;
            if (hasData == null || hasSplit == null) return null;
            return false;
        }
    }
}
