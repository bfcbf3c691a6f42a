using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Tests.Infrastructure;
using static ParticipativeDemocracy.Web.Tests.Budgeting.PaperSteps;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

/// <summary>Paper ballots meet the online ballot's rules, the roll and the eligibility rules, and exclude online voting process-wide.</summary>
public sealed class PaperBallotCheckTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    private const string Roll = "R-1,1980-01-01,CF10 1AA,Riverside\nR-2,2015-05-05,CF10 1AB,Riverside\nR-3,1970-03-03,CF11 1AA,Ely\nR-4,1981-02-02,CF10 1AC,Riverside\n";

    [Fact]
    public async Task Cumulative_paper_ballot_counts_the_points_written_as_online_and_over_the_points_is_spoilt()
    {
        var (scenario, second) = await OpenAsync(BudgetScenario.Rules(ballotKind: "Cumulative", mustFitBudget: false));
        var batch = await BatchAsync(scenario);
        var unpointed = await KeyAsync(scenario.Officer, scenario, batch, Numbered("R-1", ("P01", 7)), Ballot("R-2", "P02"));
        Assert.Equal(HttpStatusCode.BadRequest, unpointed.StatusCode);
        var errors = (await unpointed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.StartsWith("Ballot 2 (R-2): key the points", errors.GetProperty("ballots[1].numbers")[0].GetString(), StringComparison.Ordinal);

        var view = await KeyTwiceAsync(scenario, second, batch,
            Numbered("R-1", ("P01", 7), ("P03", 3)), Numbered("R-2", ("P02", 10)), Numbered("R-3", ("P01", 8), ("P02", 5)));

        Assert.Equal(2, view.GetProperty("counted").GetInt32());
        var spoilt = view.GetProperty("setAside").EnumerateArray().Single();
        Assert.Equal("R-3", spoilt.GetProperty("voterReference").GetString());
        Assert.True(spoilt.GetProperty("spoilt").GetBoolean());
        Assert.Equal("You gave 13 points; you have 10 to give.", spoilt.GetProperty("reasons")[0].GetString());
        using var online = await scenario.ResidentAsync("ada");
        var cast = await online.PostAsJsonAsync(scenario.Url("ballots"), new
        {
            choices = new[] { new { projectId = scenario.Projects["Playground"], points = 7 }, new { projectId = scenario.Projects["Trees"], points = 3 } },
        }, Cancel);
        Assert.Equal(HttpStatusCode.OK, cast.StatusCode);
        await using var db = Fixture.CreateDbContext();
        var ballots = await db.BudgetBallots.ToListAsync(Cancel);
        Assert.Equal(3, ballots.Count);
        var onlineBallot = ballots.Single(b => b.ReplacementKey is not null).Choices;
        Assert.Equal([7, 3], onlineBallot.Select(c => c.Points));
        Assert.Contains(ballots, b => b.ReplacementKey is null && b.Choices.SequenceEqual(onlineBallot));
        Assert.Contains(ballots, b => b.Choices.SequenceEqual([new BallotChoice(scenario.Projects["Library"], 10)]));
        Assert.Equal(3, await db.VoterRecords.CountAsync(v => v.Channel == VoteChannel.Paper, Cancel));

        var onPage = await BatchAsync(scenario);
        var url = $"/admin/processes/{scenario.ProcessId}/paper";
        var fields = new Dictionary<string, string> { ["ballots"] = "R-5: P01=4 P02=6" };
        await BrowserSession.SubmitFormAsync(scenario.Officer, url, $"key-{onPage:N}", fields);
        var keyed = await BrowserSession.SubmitFormAsync(second, url, $"key-{onPage:N}", fields);
        Assert.Contains("Keyed 2 of 2 times; 1 ballots counted.", await keyed.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Contains(await db.BudgetBallots.ToListAsync(Cancel),
            b => b.Choices.SequenceEqual([new BallotChoice(scenario.Projects["Playground"], 4), new BallotChoice(scenario.Projects["Library"], 6)]));
    }

    [Fact]
    public async Task Ranking_paper_ballot_counts_the_ranks_written_as_online_and_a_shared_rank_is_spoilt()
    {
        var (scenario, second) = await OpenAsync(BudgetScenario.Rules(ballotKind: "Ranking", mustFitBudget: false));
        var batch = await BatchAsync(scenario);

        var view = await KeyTwiceAsync(scenario, second, batch,
            Numbered("R-1", ("P01", 2), ("P03", 1)), Ballot("R-2", "P02", "P01"), Numbered("R-3", ("P01", 1), ("P02", 1)));

        Assert.Equal(2, view.GetProperty("counted").GetInt32());
        var spoilt = view.GetProperty("setAside").EnumerateArray().Single();
        Assert.Equal(2, spoilt.GetProperty("position").GetInt32());
        Assert.Equal("Two projects were given the same rank.", spoilt.GetProperty("reasons")[0].GetString());
        using var online = await scenario.ResidentAsync("ada");
        Assert.Equal(HttpStatusCode.OK, (await scenario.VoteAsync(online, "Trees", "Playground")).StatusCode);
        await using var db = Fixture.CreateDbContext();
        var ballots = await db.BudgetBallots.ToListAsync(Cancel);
        var onlineBallot = ballots.Single(b => b.ReplacementKey is not null).Choices;
        Assert.Equal([new BallotChoice(scenario.Projects["Trees"], 1), new BallotChoice(scenario.Projects["Playground"], 2)], onlineBallot);
        Assert.Contains(ballots, b => b.ReplacementKey is null && b.Choices.SequenceEqual(onlineBallot));
        Assert.Contains(ballots, b => b.Choices.SequenceEqual([new BallotChoice(scenario.Projects["Library"], 1), new BallotChoice(scenario.Projects["Playground"], 2)]));
    }

    [Fact]
    public async Task Paper_ballot_over_the_budget_is_spoilt_shown_to_officers_and_its_voter_cannot_vote_online()
    {
        var (scenario, second) = await OpenAsync();
        var roll = await scenario.RollAsync(Roll);
        var batch = await BatchAsync(scenario);

        var view = await KeyTwiceAsync(scenario, second, batch, Ballot("R-1", "P01", "P02"), Ballot("R-4", "P03"));

        Assert.Equal("Counted", view.GetProperty("status").GetString());
        Assert.Equal(1, view.GetProperty("counted").GetInt32());
        var spoilt = view.GetProperty("setAside").EnumerateArray().Single();
        Assert.Equal(0, spoilt.GetProperty("position").GetInt32());
        Assert.Equal("Your choices cost £110, more than the £100 budget.", spoilt.GetProperty("reasons")[0].GetString());
        var page = await scenario.Officer.GetStringAsync($"/admin/processes/{scenario.ProcessId}/paper", Cancel);
        Assert.Contains("1 spoilt: unreadable, unclear or breaking the ballot rules", page, StringComparison.Ordinal);
        Assert.Contains("110, more than the", page, StringComparison.Ordinal);
        using var resident = await VerifiedResidentAsync(scenario, roll, "ada", "R-1", "1980-01-01", "CF10 1AA");
        var online = await scenario.VoteAsync(resident, "Trees");
        Assert.Equal(HttpStatusCode.Conflict, online.StatusCode);
        Assert.Contains("on paper", (await online.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(scenario.Projects["Trees"], (await db.BudgetBallots.SingleAsync(Cancel)).Choices.Single().ProjectId);
        Assert.Equal(2, await db.VoterRecords.CountAsync(v => v.Channel == VoteChannel.Paper, Cancel));
    }

    [Fact]
    public async Task Paper_reference_off_the_roll_or_not_eligible_is_refused_naming_each_ballot_and_the_voter_is_keyed_by_the_roll_entry()
    {
        var (scenario, second) = await OpenAsync(eligibility: new { minimumAge = 16, districts = new[] { "Riverside" }, rollRequired = true });
        await scenario.RollAsync(Roll);
        var batch = await BatchAsync(scenario);

        var refused = await KeyAsync(scenario.Officer, scenario, batch,
            Ballot("R-1", "P03"), Ballot("R-9", "P02"), Ballot("R-2", "P03"), Ballot("R-3", "P01"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.False(errors.TryGetProperty("ballots[0].voterReference", out _));
        Assert.Equal("Ballot 2 (R-9) cannot count: the reference is not on the voter roll; the reference is not on the voter roll, so the voter's age is not known; "
                     + "the reference is not on the voter roll, so the voter's district is not known.", errors.GetProperty("ballots[1].voterReference")[0].GetString());
        Assert.Equal("Ballot 3 (R-2) cannot count: the voter roll gives a date of birth under the minimum age.", errors.GetProperty("ballots[2].voterReference")[0].GetString());
        Assert.Contains("outside the districts taking part", errors.GetProperty("ballots[3].voterReference")[0].GetString(), StringComparison.Ordinal);
        await using (var db = Fixture.CreateDbContext())
        {
            Assert.Equal(0, await db.PaperKeyings.CountAsync(Cancel));
        }

        Assert.Equal(1, (await KeyTwiceAsync(scenario, second, batch, Ballot(" r-1", "P03"))).GetProperty("counted").GetInt32());
        await using (var db = Fixture.CreateDbContext())
        {
            var entry = await db.VoterRollEntries.SingleAsync(e => e.DateOfBirth == new DateOnly(1980, 1, 1), Cancel);
            Assert.Equal("roll:" + entry.ReferenceHash, (await db.VoterRecords.SingleAsync(Cancel)).VoterKey);
        }
    }

    [Fact]
    public async Task Paper_and_online_exclude_each_other_across_the_budgets_of_a_process()
    {
        var (scenario, second) = await OpenAsync(districtBudget: true);
        var riverside = await RiversideBudgetAsync(scenario);
        var roll = await scenario.RollAsync(Roll);
        var cityBatch = await BatchAsync(scenario, scenario.ProcessId);
        Assert.Equal(1, (await KeyTwiceAsync(scenario, second, cityBatch, Ballot("R-1", "P01"))).GetProperty("counted").GetInt32());

        using var paperVoter = await VerifiedResidentAsync(scenario, roll, "ada", "R-1", "1980-01-01", "CF10 1AA");
        var online = await paperVoter.PostAsJsonAsync(scenario.Url("ballots"), new { budgetId = riverside, choices = new[] { new { projectId = scenario.Projects["Bridge"] } } }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, online.StatusCode);
        Assert.Equal("You have already voted on paper, so you cannot vote online too.",
            (await online.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString());

        using var onlineVoter = await VerifiedResidentAsync(scenario, roll, "bea", "R-4", "1981-02-02", "CF10 1AC");
        Assert.Equal(HttpStatusCode.OK, (await scenario.VoteAsync(onlineVoter, "Trees")).StatusCode);
        var riversideBatch = await BatchAsync(scenario, riverside);
        var paper = await KeyAsync(scenario.Officer, scenario, riversideBatch, Ballot("R-4", "P02"));
        Assert.Equal(HttpStatusCode.Conflict, paper.StatusCode);
        Assert.Equal("Ballot 1 (R-4): this person has already voted online in this process, so their paper ballot cannot count.",
            (await paper.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString());

        var otherDistrict = await KeyAsync(scenario.Officer, scenario, riversideBatch, Ballot("R-3", "P02"));
        Assert.Equal(HttpStatusCode.BadRequest, otherDistrict.StatusCode);
        Assert.Equal("Ballot 1 (R-3): the voter roll places this person in Ely, and the Riverside fund budget is for residents of Riverside.",
            (await otherDistrict.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").GetProperty("ballots[0].voterReference")[0].GetString());
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(0, await db.BudgetBallots.CountAsync(b => b.BudgetId == riverside, Cancel));
        Assert.Equal(0, await db.PaperKeyings.CountAsync(k => k.BatchId == riversideBatch, Cancel));
        Assert.Equal(["roll:Online", "roll:Paper"], (await db.VoterRecords.ToListAsync(Cancel)).Select(v => $"{v.VoterKey[..5]}{v.Channel}").Order());
    }

    [Fact]
    public async Task Paper_ballot_of_a_voter_who_voted_online_before_the_batch_counted_is_set_aside()
    {
        var (scenario, second) = await OpenAsync();
        var roll = await scenario.RollAsync(Roll);
        var batch = await BatchAsync(scenario);
        await KeyAsync(scenario.Officer, scenario, batch, Ballot("R-1", "P03"), Ballot("R-4", "P02"));
        Fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await KeyAsync(second, scenario, batch, Ballot("R-1", "P03"), Ballot("R-4", "P01"));
        using var resident = await VerifiedResidentAsync(scenario, roll, "ada", "R-1", "1980-01-01", "CF10 1AA");
        Assert.Equal(HttpStatusCode.OK, (await scenario.VoteAsync(resident, "Library")).StatusCode);

        var resolved = await scenario.Officer.PostAsJsonAsync(scenario.Url($"paper-batches/{batch}/resolutions"), new { position = 1, ballot = Ballot("R-4", "P02") }, Cancel);

        var view = await resolved.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("Counted", view.GetProperty("status").GetString());
        Assert.Equal(1, view.GetProperty("counted").GetInt32());
        var aside = view.GetProperty("setAside").EnumerateArray().Single();
        Assert.Equal("R-1", aside.GetProperty("voterReference").GetString());
        Assert.False(aside.GetProperty("spoilt").GetBoolean());
        Assert.Equal("This person voted online before the batch counted.", aside.GetProperty("reasons")[0].GetString());
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(2, await db.BudgetBallots.CountAsync(Cancel));
        Assert.Equal([VoteChannel.Online, VoteChannel.Paper], (await db.VoterRecords.ToListAsync(Cancel)).Select(v => v.Channel).Order());
    }

    [Fact]
    public async Task Officers_mark_an_unreadable_paper_ballot_spoilt_and_both_keyings_must_agree_on_it()
    {
        var (scenario, second) = await OpenAsync();
        await scenario.RollAsync(Roll);
        var batch = await BatchAsync(scenario);
        var marked = await KeyAsync(scenario.Officer, scenario, batch, Ballot("R-1", "P03"), Spoilt("R-4", "P02"));
        Assert.Equal(HttpStatusCode.BadRequest, marked.StatusCode);
        var errors = (await marked.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Equal("A ballot marked spoilt has no marks: key its voter reference only.", errors.GetProperty("ballots[1].projects")[0].GetString());

        Assert.Equal(HttpStatusCode.OK, (await KeyAsync(scenario.Officer, scenario, batch, Ballot("R-1", "P03"), Spoilt("R-4"))).StatusCode);
        Fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var keyed = await (await KeyAsync(second, scenario, batch, Ballot("R-1", "P03"), Ballot("R-4", "P02"))).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("Mismatched", keyed.GetProperty("status").GetString());
        Assert.Equal(1, keyed.GetProperty("mismatches").EnumerateArray().Single().GetProperty("position").GetInt32());

        var resolved = await scenario.Officer.PostAsJsonAsync(scenario.Url($"paper-batches/{batch}/resolutions"), new { position = 1, ballot = Spoilt("R-4") }, Cancel);

        var view = await resolved.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("Counted", view.GetProperty("status").GetString());
        Assert.Equal(1, view.GetProperty("counted").GetInt32());
        var aside = view.GetProperty("setAside").EnumerateArray().Single();
        Assert.Equal("R-4", aside.GetProperty("voterReference").GetString());
        Assert.True(aside.GetProperty("spoilt").GetBoolean());
        Assert.Equal("Marked spoilt by the officers who keyed it: unreadable, or the voter's intention is unclear.", aside.GetProperty("reasons")[0].GetString());
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(1, await db.BudgetBallots.CountAsync(Cancel));
        Assert.Equal(2, await db.VoterRecords.CountAsync(v => v.Channel == VoteChannel.Paper, Cancel));

        var onPage = await BatchAsync(scenario);
        var url = $"/admin/processes/{scenario.ProcessId}/paper";
        var fields = new Dictionary<string, string> { ["ballots"] = "R-3: Spoilt" };
        await BrowserSession.SubmitFormAsync(scenario.Officer, url, $"key-{onPage:N}", fields);
        var page = await (await BrowserSession.SubmitFormAsync(second, url, $"key-{onPage:N}", fields)).Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Keyed 2 of 2 times; 0 ballots counted.", page, StringComparison.Ordinal);
        Assert.Contains("Marked spoilt by the officers who keyed it", page, StringComparison.Ordinal);
        Assert.Equal(3, await db.VoterRecords.CountAsync(v => v.Channel == VoteChannel.Paper, Cancel));
    }

    /// <summary>Projects P01 Playground, P02 Library, P03 Trees (with a Riverside fund: P01 Trees city-wide, P02 Bridge in Riverside); voting open.</summary>
    private async Task<(BudgetScenario Scenario, HttpClient SecondOfficer)> OpenAsync(object? rules = null, object? eligibility = null, bool districtBudget = false)
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture, rules);
        if (eligibility is not null)
        {
            await scenario.SetEligibilityAsync(eligibility);
        }

        using var proposer = await scenario.ResidentAsync("proposer");
        if (districtBudget)
        {
            var set = await scenario.Officer.PutAsJsonAsync(scenario.Url("budgets"), new
            {
                budgets = new object[] { new { id = scenario.ProcessId, name = "City-wide", amount = 100m }, new { name = "Riverside fund", amount = 50m, district = "Riverside" } },
            }, Cancel);
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            await ProposeAsync(scenario, proposer, "Trees", 60m, null);
            await ProposeAsync(scenario, proposer, "Bridge", 40m, "Riverside");
        }
        else
        {
            await scenario.AddProjectAsync(proposer, "Playground", 60);
            await scenario.AddProjectAsync(proposer, "Library", 50);
            await scenario.AddProjectAsync(proposer, "Trees", 40);
        }

        scenario.OpenVoting();
        return (scenario, await SecondOfficerAsync(Fixture));
    }

    private static async Task<Guid> RiversideBudgetAsync(BudgetScenario scenario) =>
        (await scenario.Officer.GetFromJsonAsync<JsonElement>(scenario.Url("budgets"), Cancel))
        .EnumerateArray().Single(b => b.GetProperty("district").GetString() == "Riverside").GetProperty("id").GetGuid();

    private static async Task ProposeAsync(BudgetScenario scenario, HttpClient proposer, string title, decimal cost, string? district)
    {
        var submitted = await proposer.PostAsJsonAsync(scenario.Url("proposals"), new { title, estimatedCost = cost, district }, Cancel);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await scenario.Officer.PostAsJsonAsync(scenario.Url($"proposals/{id}/review"), new { feasible = true }, Cancel)).StatusCode);
        scenario.Projects[title] = id;
    }
}
