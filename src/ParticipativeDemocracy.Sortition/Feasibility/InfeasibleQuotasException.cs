namespace ParticipativeDemocracy.Sortition.Feasibility;

/// <summary>
/// No panel satisfies the quotas. <see cref="Conflicts"/> explains why; <see cref="Relaxation"/> is the
/// cheapest set of quota changes that makes a panel possible (empty when none within the flex bounds exists).
/// </summary>
public sealed class InfeasibleQuotasException(IReadOnlyList<string> conflicts, IReadOnlyList<QuotaChange> relaxation)
    : Exception(Describe(conflicts, relaxation))
{
    public IReadOnlyList<string> Conflicts { get; } = conflicts;

    public IReadOnlyList<QuotaChange> Relaxation { get; } = relaxation;

    private static string Describe(IReadOnlyList<string> conflicts, IReadOnlyList<QuotaChange> relaxation)
    {
        var fix = relaxation.Count > 0
            ? "Smallest fix: " + string.Join("; ", relaxation) + "."
            : "No change of quotas within their flex bounds makes a panel possible.";
        return $"The quotas cannot all be met: {string.Join("; ", conflicts)}. {fix}";
    }
}
