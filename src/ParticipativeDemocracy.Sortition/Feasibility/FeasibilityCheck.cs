using ParticipativeDemocracy.Sortition.Leximin;

namespace ParticipativeDemocracy.Sortition.Feasibility;

internal static class FeasibilityCheck
{
    /// <summary>Throws <see cref="InfeasibleQuotasException"/> with a diagnosis when no panel satisfies the quotas.</summary>
    public static void EnsureFeasible(Instance instance, Deadline deadline)
    {
        using (var oracle = new PanelOracle(instance, deadline.Remaining))
        {
            if (oracle.Best(new double[instance.Types.Count]) is not null)
            {
                return;
            }
        }

        var relaxation = RelaxationFinder.Find(instance, deadline.Remaining) ?? [];
        var conflicts = QuotaConflicts.Find(instance);
        if (conflicts.Count == 0)
        {
            conflicts.Add(relaxation.Count > 0 ? QuotaConflicts.Describe(relaxation) : "no panel satisfies every quota");
        }

        throw new InfeasibleQuotasException(conflicts, relaxation);
    }
}
