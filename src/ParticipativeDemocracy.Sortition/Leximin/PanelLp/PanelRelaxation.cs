namespace ParticipativeDemocracy.Sortition.Leximin.PanelLp;

/// <summary>The linear relaxation of the panel program (the rows of <see cref="PanelRows"/>) as a boxed LP.</summary>
internal static class PanelRelaxation
{
    /// <summary>Null when a quota's minimum exceeds its maximum (SCIP then answers every call).</summary>
    public static BoundedSimplex? Create(Instance instance)
    {
        if (instance.Quotas.Any(q => q.Min > q.Max))
        {
            return null;
        }

        var quotas = instance.Quotas.Count;
        var rows = 1 + quotas + instance.HouseholdCount;
        var columns = instance.Types
            .Select(type =>
            {
                var entries = new List<(int Row, double Value)> { (0, 1) };
                entries.AddRange(type.QuotaIndices.Select(q => (1 + q, 1.0)));
                if (type.Household >= 0)
                {
                    entries.Add((1 + quotas + type.Household, 1));
                }

                return (IReadOnlyList<(int Row, double Value)>)entries;
            })
            .ToList();
        double[] rowLower = [instance.PanelSize, .. instance.Quotas.Select(q => (double)q.Min), .. new double[instance.HouseholdCount]];
        double[] rowUpper = [instance.PanelSize, .. instance.Quotas.Select(q => (double)q.Max), .. Enumerable.Repeat(1.0, instance.HouseholdCount)];
        return new BoundedSimplex(
            new SparseColumns(rows, columns),
            rowLower,
            rowUpper,
            new double[columns.Count],
            instance.Types.Select(t => (double)t.Size).ToArray());
    }
}
