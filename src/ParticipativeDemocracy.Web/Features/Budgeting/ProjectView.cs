using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

public sealed record ProjectView(
    Guid Id, string Code, string Title, string Description, string? District, string? Category,
    decimal Cost, ProposalStatus Status, string? ReviewReason, Guid BudgetId);
