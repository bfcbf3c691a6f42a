namespace ParticipativeDemocracy.Web.Features.Budgeting;

public static class BudgetingEndpoints
{
    public static RouteGroupBuilder MapBudgeting(this RouteGroupBuilder group) => group
        .MapConfigureBudget()
        .MapMoveBudgetPhase()
        .MapGetBudgetSettings()
        .MapListBudgets()
        .MapSetBudgets()
        .MapCreatePaperBatch()
        .MapGetPaperBatch()
        .MapKeyPaperBatch()
        .MapResolvePaperBallot()
        .MapCountNow()
        .MapSubmitProposal()
        .MapReviewProposal()
        .MapListProjects()
        .MapCastBallot()
        .MapCastAssistedBallot()
        .MapGetTally()
        .MapGetResults()
        .MapExportBallots()
        .MapCheckReceipt();
}
