namespace ParticipativeDemocracy.Sortition.Leximin;

/// <summary>Reading a panel relaxation's solution as members per type: whether it is whole, and where to branch when not.</summary>
internal static class Integrality
{
    /// <summary>How far from a whole number a count may be and still be read as one.</summary>
    public const double Tolerance = 1e-7;

    /// <summary>The type whose count is furthest from a whole number; -1 when every count is whole.</summary>
    public static int MostFractional(ReadOnlySpan<double> values)
    {
        var (branch, distance) = (-1, Tolerance);
        for (var t = 0; t < values.Length; t++)
        {
            var d = Math.Abs(values[t] - Math.Round(values[t]));
            if (d > distance)
            {
                (branch, distance) = (t, d);
            }
        }

        return branch;
    }

    public static int[] Rounded(ReadOnlySpan<double> values)
    {
        var panel = new int[values.Length];
        for (var t = 0; t < panel.Length; t++)
        {
            panel[t] = (int)Math.Round(values[t]);
        }

        return panel;
    }
}
