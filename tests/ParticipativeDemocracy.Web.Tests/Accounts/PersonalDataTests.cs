using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Tests.Infrastructure;
using ParticipativeDemocracy.Web.Tests.Rolls;

namespace ParticipativeDemocracy.Web.Tests.Accounts;

public sealed class PersonalDataTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    private const string Password = "Resident-Password-1";

    [Fact]
    public async Task Resident_downloads_their_data_including_roll_checks()
    {
        var roll = await RollHelpers.ReadyRollAsync(Fixture, RollHelpers.Header + "\nR-9,1975-03-03,CF10 1AA,Riverside\n");
        await Fixture.CreateUserAsync("owner@test.example", Password, "Resident");
        using var client = await BrowserSession.SignedInClientAsync(Fixture, "owner@test.example", Password);
        await client.PostAsJsonAsync("/api/rolls/verifications", new { rollId = roll, reference = "R-9", dateOfBirth = "1975-03-03", postcode = "CF10 1AA" }, Cancel);

        var response = await client.GetAsync("/api/account/data", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        var data = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("owner@test.example", data.GetProperty("email").GetString());
        Assert.Equal("Resident", data.GetProperty("roles")[0].GetString());
        Assert.Equal("Riverside", data.GetProperty("rollVerifications")[0].GetProperty("district").GetString());
    }

    [Fact]
    public async Task Deleting_an_account_removes_the_person_and_frees_nothing_else()
    {
        var roll = await RollHelpers.ReadyRollAsync(Fixture, RollHelpers.Header + "\nR-9,1975-03-03,CF10 1AA,Riverside\n");
        await Fixture.CreateUserAsync("leaver@test.example", Password, "Resident");
        using var client = await BrowserSession.SignedInClientAsync(Fixture, "leaver@test.example", Password);
        await client.PostAsJsonAsync("/api/rolls/verifications", new { rollId = roll, reference = "R-9", dateOfBirth = "1975-03-03", postcode = "CF10 1AA" }, Cancel);

        var deleted = await BrowserSession.SubmitFormAsync(client, "/account/delete", "delete-account", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/account/data", Cancel)).StatusCode);

        await using var db = Fixture.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "leaver@test.example", Cancel));
        Assert.Equal(0, await db.RollVerifications.CountAsync(Cancel));
        Assert.Equal(1, await db.VoterRollEntries.CountAsync(Cancel));
        Assert.True(await db.AuditEntries.AnyAsync(Cancel), "the audit trail is kept");
    }

    [Fact]
    public async Task Staff_cannot_delete_their_own_account()
    {
        await Fixture.CreateUserAsync("officer@test.example", Password, "Officer");
        using var client = await BrowserSession.SignedInClientAsync(Fixture, "officer@test.example", Password);
        var response = await client.DeleteAsync("/api/account", Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
