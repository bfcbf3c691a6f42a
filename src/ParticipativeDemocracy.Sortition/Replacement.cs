using ParticipativeDemocracy.Sortition.Feasibility;
using ParticipativeDemocracy.Sortition.Model;

namespace ParticipativeDemocracy.Sortition;

/// <summary>The replacements drawn, the resulting panel, and the draw among the remaining pool.</summary>
public sealed record ReplacementResult(IReadOnlyList<string> Replacements, IReadOnlyList<string> Panel, DrawResult Draw);

/// <summary>
/// Replaces members who dropped out: a fresh draw (LEXIMIN by default) of as many people as left, from
/// respondents not on the panel and not sharing a household with a remaining member, under the quotas
/// minus what the remaining members already cover — so the completed panel keeps every quota.
/// </summary>
public static class Replacement
{
    /// <param name="unavailable">Respondents who must not be drawn (e.g. who already declined).</param>
    public static ReplacementResult Draw(SortitionProblem problem, IReadOnlyList<string> panel,
        IReadOnlyCollection<string> dropouts, DrawOptions options, IReadOnlyCollection<string>? unavailable = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(dropouts);
        var byId = problem.Pool.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var unknown = panel.Concat(dropouts).FirstOrDefault(id => !byId.ContainsKey(id));
        if (unknown is not null || dropouts.Any(d => !panel.Contains(d, StringComparer.Ordinal)))
        {
            throw new SortitionProblemException(unknown is not null
                ? $"'{unknown}' is not in the pool"
                : "every drop-out must be a member of the panel");
        }

        var kept = panel.Except(dropouts, StringComparer.Ordinal).Select(id => byId[id]).ToList();
        var subProblem = RemainingProblem(problem, panel, kept, dropouts.Count, unavailable ?? []);
        DrawResult draw;
        try
        {
            draw = SortitionEngine.Draw(subProblem, options);
        }
        catch (InfeasibleQuotasException error)
        {
            throw Translate(error, kept);
        }

        var completed = kept.Select(r => r.Id).Concat(draw.Panel).ToList();
        return new ReplacementResult(draw.Panel, completed, draw);
    }

    private static SortitionProblem RemainingProblem(SortitionProblem problem, IReadOnlyList<string> panel,
        List<Respondent> kept, int needed, IReadOnlyCollection<string> unavailable)
    {
        var excluded = panel.Concat(unavailable).ToHashSet(StringComparer.Ordinal);
        var keptHouseholds = kept.Where(r => r.Household is not null).Select(r => r.Household).ToHashSet(StringComparer.Ordinal);
        var candidates = problem.Pool
            .Where(r => !excluded.Contains(r.Id) && (r.Household is null || !keptHouseholds.Contains(r.Household)))
            .ToList();
        var quotas = problem.Quotas.Select(q =>
        {
            var covered = Covered(q, kept);
            return q with
            {
                Min = Math.Max(0, q.Min - covered),
                Max = Math.Max(0, q.Max - covered),
                MinFlex = q.MinFlex is { } minFlex ? Math.Max(0, minFlex - covered) : null,
                MaxFlex = q.MaxFlex is { } maxFlex ? Math.Max(0, maxFlex - covered) : null,
            };
        }).ToList();
        return new SortitionProblem(candidates, needed, quotas);
    }

    private static int Covered(Quota quota, List<Respondent> kept) =>
        kept.Count(r => r.Features.TryGetValue(quota.Category, out var value) && value == quota.Value);

    /// <summary>Restates a relaxation of the remaining quotas in terms of the whole panel's quotas.</summary>
    private static InfeasibleQuotasException Translate(InfeasibleQuotasException error, List<Respondent> kept)
    {
        var changes = error.Relaxation.Select(c =>
        {
            var covered = kept.Count(r => r.Features.TryGetValue(c.Category, out var v) && v == c.Value);
            return c with { From = c.From + covered, To = c.To + covered };
        }).ToList();
        return new InfeasibleQuotasException(error.Conflicts, changes);
    }
}
