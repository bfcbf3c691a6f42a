using ParticipativeDemocracy.Web.Features.Account;
using ParticipativeDemocracy.Web.Features.Budgeting;
using ParticipativeDemocracy.Web.Features.Processes;

namespace ParticipativeDemocracy.Web.Features;

public static class FeatureEndpoints
{
    public static IEndpointRouteBuilder MapFeatures(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGroup("/processes").WithTags("Processes").MapProcesses();
        api.MapGroup("/processes").WithTags("Participatory budgets").MapBudgeting();
        app.MapAccount();
        return app;
    }
}
