namespace ParticipativeDemocracy.Web.Features.Budgeting;

public static class BudgetingEndpoints
{
    public static RouteGroupBuilder MapBudgeting(this RouteGroupBuilder group) => group
        .MapConfigureBudget()
        .MapMoveBudgetPhase()
        .MapGetBudgetSettings()
        .MapSubmitProposal()
        .MapReviewProposal()
        .MapListProjects()
        .MapCastBallot()
        .MapCastAssistedBallot()
        .MapGetTally()
        .MapGetResults()
        .MapExportBallots();
}
