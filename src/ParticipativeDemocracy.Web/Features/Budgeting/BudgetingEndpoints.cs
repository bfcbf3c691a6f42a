namespace ParticipativeDemocracy.Web.Features.Budgeting;

public static class BudgetingEndpoints
{
    public static RouteGroupBuilder MapBudgeting(this RouteGroupBuilder group) => group
        .MapConfigureBudget()
        .MapMoveBudgetPhase()
        .MapGetBudgetSettings()
        .MapListBudgets()
        .MapSetBudgets()
        .MapSubmitProposal()
        .MapReviewProposal()
        .MapListProjects()
        .MapCastBallot()
        .MapCastAssistedBallot()
        .MapGetTally()
        .MapGetResults()
        .MapExportBallots();
}
