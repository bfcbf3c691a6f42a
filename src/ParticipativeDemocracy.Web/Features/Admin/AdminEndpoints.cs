namespace ParticipativeDemocracy.Web.Features.Admin;

public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdmin(this RouteGroupBuilder group) => group
        .MapListOutbox()
        .MapGetAuditLog()
        .MapExportAuditHead()
        .MapCheckAuditHead()
        .MapListStaff()
        .MapCreateOfficer()
        .MapDisableOfficer();
}
