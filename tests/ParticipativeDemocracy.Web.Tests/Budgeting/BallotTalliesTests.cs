using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

/// <summary>
/// The live tally reads per-project, per-budget and turnout counts the database keeps as ballots are cast, replaced,
/// deleted and closed; they must always equal a count over the ballots and the registry themselves.
/// </summary>
public sealed class BallotTalliesTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Kept_counts_equal_a_recount_through_casts_replacements_deletions_and_the_close()
    {
        var scenario = await BudgetScenario.OpenAsync(Fixture, ("Library", 50), ("Trees", 40), ("Benches", 10));
        using var anonymous = Fixture.CreateClient();
        foreach (var code in await scenario.CodesAsync(3))
        {
            Assert.Equal(HttpStatusCode.OK, (await scenario.VoteWithPassAsync(anonymous, await BudgetScenario.PassAsync(anonymous, code), "Library", "Benches")).StatusCode);
        }

        using var changer = await scenario.ResidentAsync("changer");
        Assert.Equal(HttpStatusCode.OK, (await scenario.VoteAsync(changer, "Library", "Trees")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scenario.VoteAsync(changer, "Trees", "Benches")).StatusCode);
        await AssertCountsAsync(scenario, new() { ["Library"] = 3, ["Trees"] = 1, ["Benches"] = 4 });

        await using (var db = Fixture.CreateDbContext())
        {
            var one = await db.BudgetBallots.Where(b => b.ProcessId == scenario.ProcessId && b.ReplacementKey != null)
                .OrderBy(b => b.CastAt).Select(b => b.Id).FirstAsync(Cancel);
            await db.BudgetBallots.Where(b => b.Id == one).ExecuteDeleteAsync(Cancel);
        }

        await AssertCountsAsync(scenario, new() { ["Library"] = 2, ["Trees"] = 1, ["Benches"] = 3 });

        scenario.PassDeadline();
        Assert.Equal(1, await scenario.RunCloseJobAsync());

        await AssertCountsAsync(scenario, new() { ["Library"] = 2, ["Trees"] = 1, ["Benches"] = 3 });
    }

    private async Task AssertCountsAsync(BudgetScenario scenario, Dictionary<string, int> expected)
    {
        var tally = await scenario.Officer.GetFromJsonAsync<JsonElement>(scenario.Url("tally"), Cancel);
        var shown = tally.GetProperty("projects").EnumerateArray()
            .ToDictionary(p => p.GetProperty("title").GetString()!, p => (Votes: p.GetProperty("votes").GetInt32(), Points: p.GetProperty("points").GetInt32()));
        await using var db = Fixture.CreateDbContext();
        var recounted = await db.Database.SqlQuery<Recount>($"""
            SELECT (c->>'ProjectId')::uuid AS "ProjectId", count(*)::int AS "Votes", coalesce(sum((c->>'Points')::int), 0)::int AS "Points"
            FROM app."BudgetBallots" b CROSS JOIN LATERAL jsonb_array_elements(b."Choices") c
            WHERE b."ProcessId" = {scenario.ProcessId}
            GROUP BY 1
            """).ToDictionaryAsync(r => r.ProjectId, Cancel);
        foreach (var (title, votes) in expected)
        {
            var id = scenario.Projects[title];
            Assert.Equal((votes, votes), shown[title]);
            Assert.Equal((recounted[id].Votes, recounted[id].Points), shown[title]);
        }

        var ballots = await db.BudgetBallots.CountAsync(b => b.ProcessId == scenario.ProcessId, Cancel);
        var voters = await db.VoterRecords.Where(r => r.ProcessId == scenario.ProcessId).Select(r => r.VoterKey).Distinct().CountAsync(Cancel);
        Assert.Equal(ballots, tally.GetProperty("ballots").GetInt32());
        Assert.Equal(ballots, tally.GetProperty("budgets")[0].GetProperty("ballots").GetInt32());
        Assert.Equal(voters, tally.GetProperty("voters").GetInt32());
    }

    private sealed record Recount(Guid ProjectId, int Votes, int Points);
}
