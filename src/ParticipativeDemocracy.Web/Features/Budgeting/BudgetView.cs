namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>One budget of a process as residents and officers see it; <see cref="District"/> null: city-wide.</summary>
public sealed record BudgetView(Guid Id, string Name, decimal Amount, string? District);
