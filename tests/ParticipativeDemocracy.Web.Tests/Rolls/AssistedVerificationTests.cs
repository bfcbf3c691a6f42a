using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Rolls;

public sealed class AssistedVerificationTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Officer_verifies_a_resident_and_the_log_names_both()
    {
        var roll = await RollHelpers.ReadyRollAsync(Fixture, RollHelpers.Header + "\nR-5,1950-02-02,CF10 1AA,Riverside\n");
        var resident = await Fixture.CreateUserAsync("gwen@test.example", RollHelpers.Password, "Resident");
        using var officer = await BrowserSession.SignedInClientAsync(Fixture, "officer@test.example", RollHelpers.Password);

        var response = await officer.PostAsJsonAsync("/api/rolls/assisted-verifications",
            new { residentEmail = "gwen@test.example", rollId = roll, reference = "R-5", dateOfBirth = "1950-02-02", postcode = "CF10 1AA" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using var db = Fixture.CreateDbContext();
        Assert.True(await db.RollVerifications.AnyAsync(v => v.UserId == resident.Id, Cancel));
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "VerifyResidentAtAssistedPoint", Cancel);
        Assert.Equal("officer@test.example", entry.ActorName);
        Assert.Equal(resident.Id, entry.OnBehalfOfId);

        using var gwen = await BrowserSession.SignedInClientAsync(Fixture, "gwen@test.example", RollHelpers.Password);
        var data = await gwen.GetFromJsonAsync<JsonElement>("/api/account/data", Cancel);
        Assert.Equal("officer@test.example", data.GetProperty("actionsTakenForYou")[0].GetProperty("officer").GetString());
    }
}
