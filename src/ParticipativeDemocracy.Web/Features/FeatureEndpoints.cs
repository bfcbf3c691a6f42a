using ParticipativeDemocracy.Web.Features.Account;
using ParticipativeDemocracy.Web.Features.Budgeting;
using ParticipativeDemocracy.Web.Features.Admin;
using ParticipativeDemocracy.Web.Features.Codes;
using ParticipativeDemocracy.Web.Features.Deliberation;
using ParticipativeDemocracy.Web.Features.Eligibility;
using ParticipativeDemocracy.Web.Features.Partnerships;
using ParticipativeDemocracy.Web.Features.Polls;
using ParticipativeDemocracy.Web.Features.Juries;
using ParticipativeDemocracy.Web.Features.Processes;
using ParticipativeDemocracy.Web.Features.Promises;
using ParticipativeDemocracy.Web.Features.Rolls;

namespace ParticipativeDemocracy.Web.Features;

public static class FeatureEndpoints
{
    public static IEndpointRouteBuilder MapFeatures(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGroup("/processes").WithTags("Processes").MapProcesses();
        api.MapGroup("/processes").WithTags("Participatory budgets").MapBudgeting();
        api.MapGroup("/processes").WithTags("Participatory budgets").MapBudgetParticipation();
        api.MapGroup("/admin").WithTags("Administration").MapAdmin();
        api.MapGroup("/rolls").WithTags("Voter rolls").MapRolls();
        api.MapGroup("/processes/{processId:guid}/eligibility").WithTags("Eligibility").MapEligibility();
        api.MapGroup("").WithTags("Voting codes").MapCodes();
        api.MapGroup("/partnerships").WithTags("Partnerships").MapPartnerships();
        api.MapGroup("/polls").WithTags("Service-user polls").MapPolls();
        api.MapGroup("/processes/{processId:guid}/promise").WithTags("Participation promises").MapPromises();
        // One group for both areas: recruitment's and deliberation's routes share the /api/juries prefix.
        api.MapGroup("/juries").WithTags("Citizens' juries").MapJuries().MapDeliberation();
        app.MapAccount();
        return app;
    }
}
