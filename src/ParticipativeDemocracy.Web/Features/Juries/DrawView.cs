using System.Text.Json;
using ParticipativeDemocracy.Sortition.Feasibility;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>A draw's state for officers: progress while it runs, conflicts and the suggested fix when the quotas cannot be met.</summary>
public sealed record DrawView(
    Guid Id, string Status, string Algorithm, long Seed, string InputHash, int PoolSize, int PanelSize, string Progress,
    string? Error, IReadOnlyList<string> Conflicts, IReadOnlyList<RelaxationStep> Relaxation,
    DateTimeOffset RequestedAt, DateTimeOffset? FinishedAt)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static DrawView From(JuryDraw draw) => new(
        draw.Id, draw.Status.ToString(), draw.Algorithm, draw.Seed, draw.InputHash, draw.Probabilities.Count > 0 ? draw.Probabilities.Count : CountRows(draw.RespondentsCsv),
        draw.PanelSize, draw.Progress, draw.Error, draw.Conflicts,
        draw.Relaxation is null ? [] : JsonSerializer.Deserialize<List<RelaxationStep>>(draw.Relaxation, Json) ?? [],
        draw.RequestedAt, draw.FinishedAt);

    private static int CountRows(string csv) => Math.Max(0, csv.Count(c => c == '\n') - 1);
}

/// <summary>One step of the smallest relaxation: move a quota's bound from one value to another.</summary>
public sealed record RelaxationStep(string Category, string Value, string Bound, int From, int To, string Description)
{
    public static RelaxationStep Of(QuotaChange change) =>
        new(change.Category, change.Value, change.Bound.ToString(), change.From, change.To, change.ToString());
}

/// <summary>Pushed to officers while the engine runs, and once more when the draw ends.</summary>
public sealed record DrawProgressUpdate(Guid ProcessId, Guid DrawId, string Status, string Message, bool Finished);
