using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Architecture;

/// <summary>
/// Every endpoint × every role, checked against the matrix below by evaluating each endpoint's real
/// authorization metadata. A new endpoint fails here until someone decides who may call it.
/// </summary>
public sealed class EndpointRoleMatrixTests(PlatformFixture fixture)
{
    private static readonly string[] Roles = ["Anonymous", "Resident", "JuryMember", "Facilitator", "Officer", "Administrator"];

    private static readonly string[] FrameworkPrefixes = ["_blazor", "_framework", "_content"];

    [Fact]
    public async Task Every_endpoint_grants_exactly_the_roles_in_the_matrix()
    {
        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !FrameworkPrefixes.Any(p => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith(p, StringComparison.Ordinal)))
            .Where(e => e.RoutePattern.RawText != "{**path:file}")
            // Files under wwwroot are public by nature and their fingerprinted names change with their content.
            .Where(e => !e.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor"))
            .ToList();
        var actual = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            actual.TryAdd(Key(endpoint), await AccessAsync(endpoint));
        }

        var unexpected = actual.Where(a => !EndpointMatrix.Expected.TryGetValue(a.Key, out var e) || e != a.Value)
            .Select(a => $"[\"{a.Key}\"] = \"{a.Value}\" (expected {EndpointMatrix.Expected.GetValueOrDefault(a.Key, "nothing")})").ToList();
        var missing = EndpointMatrix.Expected.Keys.Where(k => !actual.ContainsKey(k)).ToList();
        Assert.True(unexpected.Count == 0 && missing.Count == 0,
            "Endpoint access differs from the matrix:\n" + string.Join("\n", unexpected) + "\nNo longer mapped: " + string.Join(", ", missing));
    }

    private static string Key(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
        return $"{string.Join(",", methods)} /{endpoint.RoutePattern.RawText?.TrimStart('/')}";
    }

    /// <summary>Which of the six callers the endpoint's own policy lets through, named as in the matrix.</summary>
    private async Task<string> AccessAsync(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return "Anonymous";
        }

        var provider = fixture.Factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var authorization = fixture.Factory.Services.GetRequiredService<IAuthorizationService>();
        var policy = await AuthorizationPolicy.CombineAsync(provider, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>());
        if (policy is null)
        {
            return "NoPolicy";
        }

        var allowed = new List<string>();
        foreach (var role in Roles)
        {
            if ((await authorization.AuthorizeAsync(Caller(role), policy)).Succeeded)
            {
                allowed.Add(role);
            }
        }

        return string.Join("|", allowed) switch
        {
            "Resident|JuryMember|Facilitator|Officer|Administrator" => "SignedIn",
            "Facilitator|Officer|Administrator" => "Facilitator",
            "Officer|Administrator" => "Officer",
            "Administrator" => "Administrator",
            var other => other.Length == 0 ? "Nobody" : other,
        };
    }

    private static ClaimsPrincipal Caller(string role)
    {
        if (role == "Anonymous")
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }

        List<Claim> claims = [new(ClaimTypes.Name, role), new(ClaimTypes.Role, role)];
        if (role is "Officer" or "Administrator")
        {
            claims.Add(new Claim("amr", "mfa"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }
}
