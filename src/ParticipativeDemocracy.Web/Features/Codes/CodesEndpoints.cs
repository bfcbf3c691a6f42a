namespace ParticipativeDemocracy.Web.Features.Codes;

public static class CodesEndpoints
{
    public static RouteGroupBuilder MapCodes(this RouteGroupBuilder group) => group
        .MapGenerateVotingCodes()
        .MapRedeemVotingCode();
}
