namespace ParticipativeDemocracy.Web.Features.Promises;

public static class PromisesEndpoints
{
    public static RouteGroupBuilder MapPromises(this RouteGroupBuilder group) => group
        .MapGetPromise()
        .MapSetPromise()
        .MapRecordPromiseOutcome();
}
