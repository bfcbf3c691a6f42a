namespace ParticipativeDemocracy.Web.Features.Rolls;

public static class RollsEndpoints
{
    public static RouteGroupBuilder MapRolls(this RouteGroupBuilder group) => group
        .MapUploadRoll()
        .MapGetRoll()
        .MapListRolls()
        .MapListProcessRolls()
        .MapVerifyAgainstRoll()
        .MapVerifyResidentAtAssistedPoint();
}
