namespace ParticipativeDemocracy.Sortition.Model;

/// <summary>One volunteer in the pool: an id, a value per quota category and an optional household key.</summary>
public sealed record Respondent(string Id, IReadOnlyDictionary<string, string> Features, string? Household = null);
