using ParticipativeDemocracy.Web.Data.Entities.Partnerships;

namespace ParticipativeDemocracy.Web.Features.Partnerships;

/// <summary>
/// Means per statement for each of the four levels, side by side. A level with fewer answers than the
/// minimum shows nothing; the overall mean is hidden too when it would give such a level away by subtraction.
/// </summary>
public static class HealthCheckTally
{
    public static HealthCheckResult Count(HealthCheck check, IReadOnlyList<HealthCheckAnswer> answers, int minGroupSize)
    {
        var byLevel = Enum.GetValues<SliceLevel>().ToDictionary(l => l, l => answers.Where(a => a.Level == l).ToList());
        var hidden = byLevel.Values.Where(g => g.Count is > 0 && g.Count < minGroupSize).Sum(g => g.Count);
        var overallShown = answers.Count >= minGroupSize && (hidden == 0 || hidden >= minGroupSize);
        var levels = byLevel.Select(pair => new LevelResult(pair.Key, pair.Value.Count >= minGroupSize ? pair.Value.Count : null,
            pair.Value.Count >= minGroupSize ? Means(check, pair.Value) : null)).ToList();
        return new HealthCheckResult(check.Id, check.Round, check.OpenedAt, check.ClosedAt, check.Statements, answers.Count,
            overallShown ? Means(check, answers) : null, levels, minGroupSize);
    }

    private static List<double> Means(HealthCheck check, IReadOnlyList<HealthCheckAnswer> answers) =>
        check.Statements.Select((_, i) => Math.Round(answers.Average(a => a.Scores[i]), 2)).ToList();
}

/// <summary>Overall and Means are per statement, in the check's order; null where the group is too small to show.</summary>
public sealed record HealthCheckResult(
    Guid Id, int Round, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, IReadOnlyList<string> Statements, int Answers,
    IReadOnlyList<double>? Overall, IReadOnlyList<LevelResult> Levels, int MinGroupSize);

/// <summary>Answers is null, like Means, when the level has fewer answers than the minimum.</summary>
public sealed record LevelResult(SliceLevel Level, int? Answers, IReadOnlyList<double>? Means);
