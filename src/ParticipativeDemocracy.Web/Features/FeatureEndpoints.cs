using ParticipativeDemocracy.Web.Features.Account;
using ParticipativeDemocracy.Web.Features.Admin;
using ParticipativeDemocracy.Web.Features.Processes;

namespace ParticipativeDemocracy.Web.Features;

public static class FeatureEndpoints
{
    public static IEndpointRouteBuilder MapFeatures(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGroup("/processes").WithTags("Processes").MapProcesses();
        api.MapGroup("/admin").WithTags("Administration").MapAdmin();
        app.MapAccount();
        return app;
    }
}
