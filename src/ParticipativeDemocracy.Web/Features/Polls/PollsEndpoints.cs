namespace ParticipativeDemocracy.Web.Features.Polls;

public static class PollsEndpoints
{
    public static RouteGroupBuilder MapPolls(this RouteGroupBuilder group) => group
        .MapConfigurePoll()
        .MapGetPoll()
        .MapGetPollSettings()
        .MapAnswerPoll()
        .MapGetPollResults()
        .MapExportPollResults()
        .MapRespondToPoll();
}
