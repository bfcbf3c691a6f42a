using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Components;
using ParticipativeDemocracy.Web.Features;
using ParticipativeDemocracy.Web.Realtime;
using Scalar.AspNetCore;
using Serilog;

namespace ParticipativeDemocracy.Web.Common.Hosting;

public static class PlatformPipeline
{
    public static WebApplication UsePlatformPipeline(this WebApplication app)
    {
        // Without a logger the middleware writes to the static bootstrap logger, which ignores the configured levels and format.
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseExceptionHandler();
        app.UseWhen(c => IdentityServices.IsApiRequest(c.Request), api => api.UseStatusCodePages());
        app.UseWhen(c => !IdentityServices.IsApiRequest(c.Request),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        // Routing after the status-code and exception pages, so their re-executed requests are routed again.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPlatformEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthServices.ReadyTag),
            ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable },
        }).AllowAnonymous();

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api-reference", options => options.WithTitle("ParticipativeDemocracy API"))
            .AllowAnonymous();
        if (JobServices.IsEnabled(app.Configuration))
        {
            app.MapHangfireDashboardWithAuthorizationPolicy(Policies.Administrator, "/admin/jobs",
                new DashboardOptions { DashboardTitle = "ParticipativeDemocracy jobs", Authorization = [] });
        }

        app.MapHub<ProcessHub>(ProcessHub.Path).AllowAnonymous();
        app.MapHub<JuryHub>(JuryHub.Path).RequireAuthorization(Policies.SignedIn);
        app.MapFeatures();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
