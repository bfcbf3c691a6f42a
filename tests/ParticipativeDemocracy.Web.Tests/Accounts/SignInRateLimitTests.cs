using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Accounts;

/// <summary>
/// The shared host raises the per-address sign-in limit (every test client has one address), so this test runs
/// its own host with a low limit: a fresh rate limiter, the same database, no job server.
/// </summary>
public sealed class SignInRateLimitTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    private const int Limit = 3;

    [Theory]
    [InlineData("/account/sign-in")]
    [InlineData("/account/two-factor")]
    [InlineData("/account/email-sign-in")]
    [InlineData("/account/sign-up")]
    public async Task Form_posts_to_a_sign_in_page_beyond_the_limit_get_a_429_problem(string path)
    {
        await using var limited = Fixture.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("RateLimits:SignIn:PermitLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Hangfire:Enabled", "false");
        });
        using var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Limit; i++)
        {
            using var attempt = await PostFormAsync(client, path);
            statuses.Add(attempt.StatusCode);
        }

        using var rejected = await PostFormAsync(client, path);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        Assert.True(rejected.Headers.Contains("Retry-After"), "A 429 tells the client when to come back.");
        // Only posts are limited: reading the page stays possible.
        using var page = await client.GetAsync(path, Cancel);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, page.StatusCode);
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path) =>
        client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["Input.Email"] = "someone@test.example",
            ["Input.Password"] = "not-the-password",
        }), Cancel);
}
