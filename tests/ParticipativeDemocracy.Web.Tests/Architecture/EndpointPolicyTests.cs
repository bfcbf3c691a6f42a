using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Architecture;

/// <summary>Every endpoint states who may call it: a policy or an explicit AllowAnonymous. A new one without fails here.</summary>
public sealed class EndpointPolicyTests(PlatformFixture fixture)
{
    // Framework plumbing that serves the Blazor runtime and its circuits.
    private static readonly string[] FrameworkPrefixes = ["/_blazor", "/_framework", "/_content"];

    // MapStaticAssets adds this fallback for public files outside its manifest; conventions do not reach it.
    private const string StaticFilesFallback = "{**path:file}";

    [Fact]
    public void Every_endpoint_declares_its_authorization()
    {
        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 10);
        var undeclared = endpoints
            .Where(e => !FrameworkPrefixes.Any(p => ("/" + e.RoutePattern.RawText?.TrimStart('/')).StartsWith(p, StringComparison.Ordinal)))
            .Where(e => e.RoutePattern.RawText != StaticFilesFallback)
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => $"{e.DisplayName ?? e.RoutePattern.RawText} [{string.Join(",", e.Metadata.Select(m => m.GetType().Name))}]")
            .ToList();
        Assert.True(undeclared.Count == 0, "Endpoints without a policy or AllowAnonymous: " + string.Join(", ", undeclared));
    }
}
