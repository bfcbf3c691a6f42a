using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

public sealed class BallotEligibilityTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Resident_not_on_the_roll_gets_a_403_with_the_reason_and_nothing_is_stored()
    {
        var (scenario, voter) = await OpenBudgetAsync();
        await scenario.SetEligibilityAsync(new { rollRequired = true });

        var refused = await scenario.VoteAsync(voter, "Trees");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("You cannot vote in this budget: you have not confirmed your details against the voter roll.", problem.GetProperty("detail").GetString());
        Assert.Equal(["NotOnRoll"], problem.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(0, await db.BudgetBallots.CountAsync(Cancel));
        Assert.Equal(0, await db.VoterRecords.CountAsync(Cancel));
    }

    [Fact]
    public async Task Without_an_account_or_a_pass_a_ballot_is_refused_with_403()
    {
        var (scenario, _) = await OpenBudgetAsync();
        using var anonymous = Fixture.CreateClient();

        var refused = await scenario.VoteAsync(anonymous, "Trees");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("enter the code from your letter", (await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var forged = await scenario.VoteWithPassAsync(anonymous, "not-a-pass", "Trees");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("InvalidPass", (await forged.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("reasons")[0].GetString());
    }

    [Fact]
    public async Task Code_holder_votes_with_a_pass_in_the_codes_district_and_can_replace_the_ballot()
    {
        var (scenario, _) = await OpenBudgetAsync();
        // A letter stands for the roll and age checks; the district of its batch must still be taking part.
        await scenario.SetEligibilityAsync(new { minimumAge = 16, districts = new[] { "Riverside" }, rollRequired = true });
        var riverside = await scenario.CodesAsync(1, "Riverside");
        var ely = await scenario.CodesAsync(1, "Ely");
        using var anonymous = Fixture.CreateClient();
        var pass = await BudgetScenario.PassAsync(anonymous, riverside[0]);

        var first = await scenario.VoteWithPassAsync(anonymous, pass, "Trees");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await (await scenario.VoteWithPassAsync(anonymous, pass, "Library")).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(second.GetProperty("replaced").GetBoolean());

        var outside = await scenario.VoteWithPassAsync(anonymous, await BudgetScenario.PassAsync(anonymous, ely[0]), "Trees");
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal("OutsideDistricts", (await outside.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("reasons")[0].GetString());

        await using var db = Fixture.CreateDbContext();
        var record = await db.VoterRecords.SingleAsync(Cancel);
        Assert.StartsWith("code:", record.VoterKey, StringComparison.Ordinal);
        Assert.Equal(scenario.Projects["Library"], (await db.BudgetBallots.SingleAsync(Cancel)).Choices.Single().ProjectId);
    }

    [Fact]
    public async Task A_roll_entry_votes_once_across_its_accounts_even_after_one_is_deleted()
    {
        var (scenario, _) = await OpenBudgetAsync();
        var roll = await scenario.RollAsync("R-1,1980-01-01,CF10 1AA,Riverside\n");
        using var first = await scenario.ResidentAsync("first");
        Assert.Equal(HttpStatusCode.OK, (await scenario.VoteAsync(first, "Trees")).StatusCode);

        // Proving the roll entry afterwards moves the vote under the entry's key: still one ballot.
        await VerifyAsync(first, roll);
        var afterProof = await (await scenario.VoteAsync(first, "Library")).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(afterProof.GetProperty("replaced").GetBoolean());

        var deleted = await BrowserSession.SubmitFormAsync(first, "/account/delete", "delete-account", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        using var second = await scenario.ResidentAsync("second");
        await VerifyAsync(second, roll);
        var again = await (await scenario.VoteAsync(second, "Playground")).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(again.GetProperty("replaced").GetBoolean());

        await using var db = Fixture.CreateDbContext();
        Assert.Equal(scenario.Projects["Playground"], (await db.BudgetBallots.SingleAsync(Cancel)).Choices.Single().ProjectId);
        Assert.StartsWith("roll:", (await db.VoterRecords.SingleAsync(Cancel)).VoterKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officer_casts_a_ballot_at_an_assisted_point_and_the_log_names_both_but_not_the_ballot()
    {
        var (scenario, _) = await OpenBudgetAsync();
        var resident = await Fixture.CreateUserAsync("gwen@residents.example", BudgetScenario.Password, "Resident");

        var cast = await scenario.Officer.PostAsJsonAsync(scenario.Url("assisted-ballots"),
            new { residentEmail = "gwen@residents.example", choices = new[] { new { projectId = scenario.Projects["Trees"] } } }, Cancel);

        Assert.Equal(HttpStatusCode.OK, cast.StatusCode);
        var receipt = (await cast.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("receiptCode").GetString()!;
        await using var db = Fixture.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "CastAssistedBallot", Cancel);
        Assert.Equal("officer@budget.example", entry.ActorName);
        Assert.Equal(resident.Id, entry.OnBehalfOfId);
        Assert.DoesNotContain(receipt, entry.After, StringComparison.Ordinal);
        Assert.DoesNotContain(scenario.Projects["Trees"].ToString(), entry.After, StringComparison.OrdinalIgnoreCase);
        var record = await db.VoterRecords.SingleAsync(Cancel);
        Assert.Equal("Assisted", record.Channel.ToString());
        Assert.Equal($"user:{resident.Id:N}", record.VoterKey);

        // The resident replaces it later from home: still one ballot.
        using var gwen = await BrowserSession.SignedInClientAsync(Fixture, "gwen@residents.example", BudgetScenario.Password);
        Assert.True((await (await scenario.VoteAsync(gwen, "Library")).Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("replaced").GetBoolean());

        var unknown = await scenario.Officer.PostAsJsonAsync(scenario.Url("assisted-ballots"),
            new { residentEmail = "nobody@residents.example", choices = Array.Empty<object>() }, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Ballot_submissions_are_limited_per_voter_with_a_429_problem()
    {
        var (scenario, _) = await OpenBudgetAsync();
        var configuration = Fixture.Factory.Services.GetRequiredService<IConfiguration>();
        configuration["RateLimits:BallotSubmission:PermitLimit"] = "3";
        try
        {
            using var eager = await scenario.ResidentAsync("eager");
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 4; i++)
            {
                statuses.Add((await scenario.VoteAsync(eager, "Trees")).StatusCode);
            }

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        }
        finally
        {
            configuration["RateLimits:BallotSubmission:PermitLimit"] = "100000";
        }
    }

    private static async Task VerifyAsync(HttpClient resident, Guid roll)
    {
        var verified = await resident.PostAsJsonAsync("/api/rolls/verifications",
            new { rollId = roll, reference = "R-1", dateOfBirth = "1980-01-01", postcode = "CF10 1AA" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
    }

    private async Task<(BudgetScenario Scenario, HttpClient Proposer)> OpenBudgetAsync()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        var proposer = await scenario.ResidentAsync("proposer");
        await scenario.AddProjectAsync(proposer, "Playground", 60);
        await scenario.AddProjectAsync(proposer, "Library", 50);
        await scenario.AddProjectAsync(proposer, "Trees", 40);
        scenario.OpenVoting();
        return (scenario, proposer);
    }
}
