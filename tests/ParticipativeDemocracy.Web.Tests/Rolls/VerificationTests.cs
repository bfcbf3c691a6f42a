using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Rolls;

public sealed class VerificationTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    private const string Roll = RollHelpers.Header + "\nCT-1001,1980-04-12,CF10 1AA,Riverside\nCT-1002,1990-05-12,CF11 9ZZ,Canton\n";

    [Fact]
    public async Task Resident_verifies_with_matching_details_written_differently()
    {
        var roll = await RollHelpers.ReadyRollAsync(Fixture, Roll);
        using var resident = await ResidentAsync("a");
        var response = await VerifyAsync(resident, roll, "ct-1001", "cf101aa");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Riverside", (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("district").GetString());

        var again = await VerifyAsync(resident, roll, "CT-1002", "CF11 9ZZ", "1990-05-12");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already verified on this roll", await again.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_details_are_a_400_and_a_taken_entry_is_a_clear_409()
    {
        var roll = await RollHelpers.ReadyRollAsync(Fixture, Roll);
        using var first = await ResidentAsync("a");
        var wrong = await VerifyAsync(first, roll, "CT-1001", "CF10 1AA", "1980-04-13");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("No one on this roll matches", await wrong.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await VerifyAsync(first, roll, "CT-1001", "CF10 1AA")).StatusCode);

        using var second = await ResidentAsync("b");
        var taken = await VerifyAsync(second, roll, "CT-1001", "CF10 1AA");
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("application/problem+json", taken.Content.Headers.ContentType?.MediaType);
        Assert.Contains("already been used to verify another account", await taken.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hundred_parallel_attempts_on_one_entry_let_exactly_one_through()
    {
        var roll = await RollHelpers.ReadyRollAsync(Fixture, Roll);
        var residents = await Fixture.SignedInResidentsAsync(100);
        using var start = new ManualResetEventSlim();
        var attempts = residents.Select(client => Task.Run(async () =>
        {
            start.Wait(Cancel);
            return await VerifyAsync(client, roll, "CT-1001", "CF10 1AA");
        }, Cancel)).ToList();
        start.Set();
        var responses = await Task.WhenAll(attempts);

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(99, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(1, await db.RollVerifications.CountAsync(Cancel));
        foreach (var client in residents)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task Resident_verifies_through_the_form()
    {
        await RollHelpers.ReadyRollAsync(Fixture, Roll);
        using var resident = await ResidentAsync("a");
        var page = await resident.GetStringAsync("/account/verify", Cancel);
        var rollId = System.Text.RegularExpressions.Regex.Match(page, "<option value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        var empty = await BrowserSession.SubmitFormAsync(resident, "/account/verify", "verify", new Dictionary<string, string> { ["Input.RollId"] = rollId });
        var errors = await empty.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<a href=\"#reference\">Enter your reference number</a>", errors, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#dateOfBirth\">Enter your date of birth</a>", errors, StringComparison.Ordinal);

        var done = await BrowserSession.SubmitFormAsync(resident, "/account/verify", "verify", new Dictionary<string, string>
        {
            ["Input.RollId"] = rollId, ["Input.Reference"] = "CT-1002", ["Input.Day"] = "12", ["Input.Month"] = "5",
            ["Input.Year"] = "1990", ["Input.Postcode"] = "CF11 9ZZ",
        });
        Assert.Contains("You are on the roll", await done.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_callers_cannot_verify()
    {
        using var anonymous = Fixture.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await VerifyAsync(anonymous, Guid.NewGuid(), "x", "y")).StatusCode);
    }

    private async Task<HttpClient> ResidentAsync(string name)
    {
        var email = $"{name}@residents.example";
        await Fixture.CreateUserAsync(email, RollHelpers.Password, "Resident");
        return await BrowserSession.SignedInClientAsync(Fixture, email, RollHelpers.Password);
    }

    private static Task<HttpResponseMessage> VerifyAsync(HttpClient client, Guid roll, string reference, string postcode, string born = "1980-04-12") =>
        client.PostAsJsonAsync("/api/rolls/verifications", new { rollId = roll, reference, dateOfBirth = born, postcode });
}
