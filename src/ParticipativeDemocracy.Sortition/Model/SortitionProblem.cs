namespace ParticipativeDemocracy.Sortition.Model;

/// <summary>A pool, a panel size and quotas: everything a draw depends on besides the seed.</summary>
public sealed record SortitionProblem(IReadOnlyList<Respondent> Pool, int PanelSize, IReadOnlyList<Quota> Quotas)
{
    /// <summary>Categories in the order they first appear in the quotas.</summary>
    public IReadOnlyList<string> Categories => Quotas.Select(q => q.Category).Distinct(StringComparer.Ordinal).ToList();
}
