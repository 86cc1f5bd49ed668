namespace KerasLint.Analysis.ValueFlow
{
    /// <summary>
    /// The work one whole-program query may do: a depth (hops across members: a field's writes, a method's returns, a
    /// parameter's callers) and a number of visited values. Past either, the query answers "unknown". One budget per
    /// query; <see cref="Visits"/> is what the query did (tests pin it, never wall time).
    /// </summary>
    internal sealed class FlowBudget
    {
        public const int DefaultDepth = 6;
        public const int DefaultVisits = 64;

        public FlowBudget(int maxDepth = DefaultDepth, int maxVisits = DefaultVisits)
        {
            MaxDepth = maxDepth;
            MaxVisits = maxVisits;
        }

        public int MaxDepth { get; }

        public int MaxVisits { get; }

        /// <summary>Values visited so far.</summary>
        public int Visits { get; private set; }

        /// <summary>Counts one visit; false once the budget is spent (the caller answers unknown).</summary>
        public bool Visit() => ++Visits <= MaxVisits;

        /// <summary>Whether the visits are spent (a query that saw it must answer unknown).</summary>
        public bool Spent => Visits > MaxVisits;
    }
}
