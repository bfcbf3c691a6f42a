namespace ParticipativeDemocracy.Web.Resources;

/// <summary>
/// Marker for the texts of several budgets per process and of paper ballots, in BudgetText.resx (English)
/// and BudgetText.cy.resx (Welsh), kept apart from SharedResource so parallel work merges cleanly.
/// </summary>
public sealed class BudgetText;
