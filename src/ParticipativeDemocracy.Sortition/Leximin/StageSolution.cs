namespace ParticipativeDemocracy.Sortition.Leximin;

/// <summary>
/// The stage value z, the pricing threshold ŷ (the largest weighted share of any known panel), the dual
/// weight y per type, and the panels in the current solution with their probabilities.
/// </summary>
internal sealed record StageSolution(double Value, double YHat, double[] Y, IReadOnlyList<TypePanel> Support);
