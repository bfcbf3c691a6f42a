namespace ParticipativeDemocracy.Web.Features.Partnerships;

public static class PartnershipsEndpoints
{
    public static RouteGroupBuilder MapPartnerships(this RouteGroupBuilder group) => group
        .MapConfigurePartnership()
        .MapGetPartnership()
        .MapAddMember()
        .MapScheduleMeeting()
        .MapPublishMinutes()
        .MapAddAction()
        .MapUpdateAction()
        .MapFollowPartnership()
        .MapOpenHealthCheck()
        .MapAnswerHealthCheck()
        .MapCloseHealthCheck()
        .MapGetHealthCheckResults();
}
