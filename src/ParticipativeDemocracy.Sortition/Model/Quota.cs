namespace ParticipativeDemocracy.Sortition.Model;

/// <summary>
/// How many panel members may have <see cref="Value"/> in <see cref="Category"/>.
/// <see cref="MinFlex"/> and <see cref="MaxFlex"/> bound how far a relaxation may move the quota.
/// </summary>
public sealed record Quota(string Category, string Value, int Min, int Max, int? MinFlex = null, int? MaxFlex = null)
{
    public string Label => $"{Category}={Value}";
}
