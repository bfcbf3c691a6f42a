namespace ParticipativeDemocracy.Web.Features.Deliberation;

public static class DeliberationEndpoints
{
    public static RouteGroupBuilder MapDeliberation(this RouteGroupBuilder group) => group
        .MapCreateSession()
        .MapGetRoomState()
        .MapGetSessionRecord()
        .MapRaiseHand()
        .MapFacilitateRoom()
        .MapOpenStrawPoll()
        .MapVoteInStrawPoll()
        .MapAddEvidence()
        .MapGetEvidenceLibrary()
        .MapAskWitness()
        .MapAnswerQuestion()
        .MapOpenRound()
        .MapGetRound()
        .MapPostContribution()
        .MapDraftRecommendation()
        .MapOpenRecommendationVote()
        .MapCastRecommendationVote()
        .MapCloseRecommendationVote()
        .MapGetRecommendationTally()
        .MapRecordResponse()
        .MapFollowJury()
        .MapGetJuryReport()
        .MapGetDeliberation();
}
