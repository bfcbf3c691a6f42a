namespace ParticipativeDemocracy.Web.Features.Admin;

public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdmin(this RouteGroupBuilder group) => group
        .MapListOutbox()
        .MapGetAuditLog()
        .MapListStaff()
        .MapCreateOfficer()
        .MapDisableOfficer();
}
