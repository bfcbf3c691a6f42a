using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Foundation;

public sealed class ProblemDetailsTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Unknown_process_is_a_404_problem()
    {
        using var client = Fixture.CreateClient();
        var response = await client.GetAsync($"/api/processes/{Guid.NewGuid()}", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("was not found", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.RootElement.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task Unknown_api_route_is_a_404_problem()
    {
        using var client = Fixture.CreateClient();
        var response = await client.GetAsync("/api/no-such-thing", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var client = Fixture.CreateClient();
        await Fixture.CreateUserAsync("officer@test.example", "Officer-Password-1!", "Officer");
        using var signedIn = await BrowserSession.SignedInClientAsync(Fixture, "officer@test.example", "Officer-Password-1!");
        using var body = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");
        var response = await signedIn.PostAsync("/api/processes", body, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_page_shows_the_not_found_page()
    {
        using var client = Fixture.CreateClient();
        var response = await client.GetAsync("/no-such-page", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
