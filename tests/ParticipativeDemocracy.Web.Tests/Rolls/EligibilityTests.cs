using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Rolls;

public sealed class EligibilityTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    // Rhian turns 16 on 2026-12-01; Owain is an adult in another district.
    private const string Roll = RollHelpers.Header + "\nR-1,2010-12-01,CF10 1AA,Riverside\nR-2,1980-01-01,CF5 1AA,Ely\n";

    [Fact]
    public async Task Rules_on_age_date_district_and_roll_decide_with_reasons()
    {
        var (officer, process) = await ProcessWithRollAsync();
        var set = await officer.PutAsJsonAsync($"/api/processes/{process}/eligibility",
            new { minimumAge = 16, ageOnDate = "2026-11-30", districts = new[] { "Riverside" }, rollRequired = true }, Cancel);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        using var rhian = await VerifiedAsync("rhian", "R-1", "2010-12-01", "CF10 1AA");
        Assert.Equal(["TooYoung"], await ReasonsAsync(rhian, process));
        using var owain = await VerifiedAsync("owain", "R-2", "1980-01-01", "CF5 1AA");
        Assert.Equal(["OutsideDistricts"], await ReasonsAsync(owain, process));
        using var unverified = await ResidentAsync("nobody");
        Assert.Equal(["NotOnRoll", "AgeUnknown", "DistrictUnknown"], await ReasonsAsync(unverified, process));

        await officer.PutAsJsonAsync($"/api/processes/{process}/eligibility",
            new { minimumAge = 16, ageOnDate = "2026-12-01", districts = new[] { "riverside", "Ely" }, rollRequired = true }, Cancel);
        Assert.Empty(await ReasonsAsync(rhian, process));
        Assert.Empty(await ReasonsAsync(owain, process));

        await using var db = Fixture.CreateDbContext();
        var changes = await db.AuditEntries.Where(a => a.Action == "SetEligibilityRules").OrderBy(a => a.Sequence).ToListAsync(Cancel);
        Assert.Equal(2, changes.Count);
        Assert.Null(changes[0].Before);
        Assert.Contains("2026-11-30", changes[1].Before, StringComparison.Ordinal);
        Assert.Contains("2026-12-01", changes[1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_rules_anyone_signed_in_is_eligible_and_residents_cannot_set_rules()
    {
        var (_, process) = await ProcessWithRollAsync();
        using var resident = await ResidentAsync("anyone");
        Assert.Empty(await ReasonsAsync(resident, process));
        var refused = await resident.PutAsJsonAsync($"/api/processes/{process}/eligibility", new { rollRequired = true }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private async Task<(HttpClient Officer, Guid Process)> ProcessWithRollAsync()
    {
        var council = await RollHelpers.SeedCouncilAsync(Fixture);
        var officer = await RollHelpers.OfficerAsync(Fixture);
        var roll = await RollHelpers.UploadAsync(officer, council, Roll);
        await RollHelpers.WaitForImportAsync(officer, roll);
        await using var db = Fixture.CreateDbContext();
        var process = new Process
        {
            Id = Guid.NewGuid(), OrganisationId = council, Title = "Budget", Slug = "budget", Kind = ProcessKind.ParticipatoryBudget,
            Status = ProcessStatus.Upcoming, OpensAt = PlatformFixture.Start.AddDays(30),
        };
        db.Processes.Add(process);
        await db.SaveChangesAsync(Cancel);
        return (officer, process.Id);
    }

    private async Task<HttpClient> ResidentAsync(string name)
    {
        await Fixture.CreateUserAsync($"{name}@test.example", RollHelpers.Password, "Resident");
        return await BrowserSession.SignedInClientAsync(Fixture, $"{name}@test.example", RollHelpers.Password);
    }

    private async Task<HttpClient> VerifiedAsync(string name, string reference, string born, string postcode)
    {
        var client = await ResidentAsync(name);
        var rolls = await client.GetFromJsonAsync<JsonElement>("/api/rolls", Cancel);
        var response = await client.PostAsJsonAsync("/api/rolls/verifications",
            new { rollId = rolls[0].GetProperty("id").GetGuid(), reference, dateOfBirth = born, postcode }, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    private static async Task<string[]> ReasonsAsync(HttpClient client, Guid process)
    {
        var decision = await client.GetFromJsonAsync<JsonElement>($"/api/processes/{process}/eligibility/me", Cancel);
        var reasons = decision.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToArray();
        Assert.Equal(reasons.Length == 0, decision.GetProperty("isEligible").GetBoolean());
        return reasons;
    }
}
