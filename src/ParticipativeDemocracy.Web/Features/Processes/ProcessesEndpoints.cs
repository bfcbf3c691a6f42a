namespace ParticipativeDemocracy.Web.Features.Processes;

public static class ProcessesEndpoints
{
    public static RouteGroupBuilder MapProcesses(this RouteGroupBuilder group) => group
        .MapListProcesses()
        .MapGetProcess()
        .MapCreateProcess()
        .MapListAllProcesses()
        .MapListOrganisations();
}
