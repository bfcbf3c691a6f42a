namespace ParticipativeDemocracy.Sortition.Feasibility;

public enum QuotaBound
{
    Min,
    Max,
}

/// <summary>One step of a suggested relaxation: move a quota's min or max from one value to another.</summary>
public sealed record QuotaChange(string Category, string Value, QuotaBound Bound, int From, int To)
{
    public override string ToString() => Bound == QuotaBound.Min
        ? $"lower the minimum of {Category}={Value} from {From} to {To}"
        : $"raise the maximum of {Category}={Value} from {From} to {To}";
}
