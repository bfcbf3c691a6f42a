using Google.OrTools.LinearSolver;
using ParticipativeDemocracy.Sortition.Model;

namespace ParticipativeDemocracy.Sortition.Feasibility;

/// <summary>
/// The cheapest quota relaxation, by an integer program with a slack per bound (the Sortition Foundation's
/// objective): minimise Σ(1 + 2/min)·lowering of each min + Σ raising of each max — lowering an already small
/// minimum costs more. min_flex/max_flex, when given, bound how far a quota may move.
/// </summary>
internal static class RelaxationFinder
{
    public static IReadOnlyList<QuotaChange>? Find(Instance instance, TimeSpan timeLimit)
    {
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools has no SCIP solver here");
        solver.SetTimeLimit((long)timeLimit.TotalMilliseconds);
        solver.SetNumThreads(1);
        var counts = instance.Types.Select((t, i) => solver.MakeIntVar(0, t.Size, $"x{i}")).ToArray();
        var size = solver.MakeConstraint(instance.PanelSize, instance.PanelSize);
        Array.ForEach(counts, c => size.SetCoefficient(c, 1));
        AddHouseholds(solver, instance, counts);

        var quotas = instance.Quotas;
        var lowerings = new Variable[quotas.Count];
        var raisings = new Variable[quotas.Count];
        var objective = solver.Objective();
        for (var q = 0; q < quotas.Count; q++)
        {
            var quota = quotas[q];
            lowerings[q] = solver.MakeIntVar(0, Math.Max(0, quota.Min - Math.Max(0, quota.MinFlex ?? 0)), $"lower{q}");
            raisings[q] = solver.MakeIntVar(0, Math.Max(0, (quota.MaxFlex ?? instance.PanelSize) - quota.Max), $"raise{q}");
            objective.SetCoefficient(lowerings[q], quota.Min == 0 ? 1 : 1 + 2.0 / quota.Min);
            objective.SetCoefficient(raisings[q], 1);
            AddRelaxedQuota(solver, instance, counts, q, lowerings[q], raisings[q]);
        }

        objective.SetMinimization();
        var status = solver.Solve();
        return status switch
        {
            Solver.ResultStatus.OPTIMAL => Changes(quotas, lowerings, raisings),
            Solver.ResultStatus.INFEASIBLE => null,
            _ => throw new SortitionTimeoutException($"the relaxation integer program stopped without an optimum ({status})"),
        };
    }

    private static void AddRelaxedQuota(Solver solver, Instance instance, Variable[] counts, int q, Variable lower, Variable raise)
    {
        var quota = instance.Quotas[q];
        var atLeast = solver.MakeConstraint(quota.Min, double.PositiveInfinity);
        var atMost = solver.MakeConstraint(double.NegativeInfinity, quota.Max);
        atLeast.SetCoefficient(lower, 1);
        atMost.SetCoefficient(raise, -1);
        for (var t = 0; t < counts.Length; t++)
        {
            if (Array.IndexOf(instance.Types[t].QuotaIndices, q) >= 0)
            {
                atLeast.SetCoefficient(counts[t], 1);
                atMost.SetCoefficient(counts[t], 1);
            }
        }
    }

    private static void AddHouseholds(Solver solver, Instance instance, Variable[] counts)
    {
        var households = Enumerable.Range(0, instance.HouseholdCount).Select(_ => solver.MakeConstraint(0, 1)).ToArray();
        for (var t = 0; t < counts.Length; t++)
        {
            if (instance.Types[t].Household >= 0)
            {
                households[instance.Types[t].Household].SetCoefficient(counts[t], 1);
            }
        }
    }

    private static List<QuotaChange> Changes(IReadOnlyList<Quota> quotas, Variable[] lowerings, Variable[] raisings)
    {
        var changes = new List<QuotaChange>();
        for (var q = 0; q < quotas.Count; q++)
        {
            var lower = (int)Math.Round(lowerings[q].SolutionValue());
            var raise = (int)Math.Round(raisings[q].SolutionValue());
            if (lower > 0)
            {
                changes.Add(new QuotaChange(quotas[q].Category, quotas[q].Value, QuotaBound.Min, quotas[q].Min, quotas[q].Min - lower));
            }

            if (raise > 0)
            {
                changes.Add(new QuotaChange(quotas[q].Category, quotas[q].Value, QuotaBound.Max, quotas[q].Max, quotas[q].Max + raise));
            }
        }

        return changes;
    }
}
