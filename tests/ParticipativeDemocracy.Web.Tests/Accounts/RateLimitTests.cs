using System.Net;
using System.Net.Http.Json;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Accounts;

public sealed class RateLimitTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Verification_attempts_are_limited_per_account_with_a_429_problem()
    {
        await Fixture.CreateUserAsync("guesser@test.example", "Resident-Password-1", "Resident");
        using var guesser = await BrowserSession.SignedInClientAsync(Fixture, "guesser@test.example", "Resident-Password-1");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 11; i++)
        {
            last = await guesser.PostAsJsonAsync("/api/rolls/verifications",
                new { rollId = Guid.NewGuid(), reference = $"guess-{i}", dateOfBirth = "1980-01-01", postcode = "CF10 1AA" }, Cancel);
            statuses.Add(last.StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
        Assert.Equal("application/problem+json", last!.Content.Headers.ContentType?.MediaType);
        Assert.Contains("too many times", await last.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        await Fixture.CreateUserAsync("other@test.example", "Resident-Password-1", "Resident");
        using var other = await BrowserSession.SignedInClientAsync(Fixture, "other@test.example", "Resident-Password-1");
        var fresh = await other.PostAsJsonAsync("/api/rolls/verifications",
            new { rollId = Guid.NewGuid(), reference = "x", dateOfBirth = "1980-01-01", postcode = "CF10 1AA" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, fresh.StatusCode);
    }
}
