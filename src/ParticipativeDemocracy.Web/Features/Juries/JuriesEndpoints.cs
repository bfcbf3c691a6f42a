namespace ParticipativeDemocracy.Web.Features.Juries;

public static class JuriesEndpoints
{
    public static RouteGroupBuilder MapJuries(this RouteGroupBuilder group) => group
        .MapConfigureJury()
        .MapGetJuryAdmin()
        .MapRegisterVolunteer()
        .MapImportVolunteers()
        .MapExportVolunteers()
        .MapListVolunteers()
        .MapStartDraw()
        .MapGetDrawStatus()
        .MapGetDrawResult()
        .MapDownloadDrawInputs()
        .MapSendInvitations()
        .MapRespondToInvitation()
        .MapAddPanelMember()
        .MapListPanel()
        .MapWithdrawPanelMember()
        .MapGetJuryPage();
}
