namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>Residents taking part around the ballot: editing and supporting proposals, comments and moderation.</summary>
public static class BudgetParticipationEndpoints
{
    public static RouteGroupBuilder MapBudgetParticipation(this RouteGroupBuilder group) => group
        .MapEditProposal()
        .MapWithdrawProposal()
        .MapSupportProposal()
        .MapGetProject()
        .MapPostComment()
        .MapReportComment()
        .MapModerateComment()
        .MapListReportedComments()
        .MapFollowProject()
        .MapFollowProcess()
        .MapPostProjectUpdate()
        .MapGetImplementation()
        .MapMergeProposal();
}
