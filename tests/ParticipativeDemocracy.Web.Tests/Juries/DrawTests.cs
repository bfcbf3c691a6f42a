using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Sortition;
using ParticipativeDemocracy.Sortition.Csv;
using ParticipativeDemocracy.Sortition.Model;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Juries;

public sealed class DrawTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task The_draw_runs_as_a_job_and_publishes_composition_probabilities_seed_and_a_hash_anyone_can_check()
    {
        var jury = await JuryScenario.CreateAsync(Fixture);
        Assert.Equal(HttpStatusCode.OK, (await jury.ImportAsync(JuryScenario.PoolCsv(24, households: true))).StatusCode);
        var started = await jury.StartDrawAsync(seed: 2027);
        Assert.Equal(2027, started.GetProperty("seed").GetInt64());
        var status = await jury.WaitForDrawAsync();
        Assert.Equal("Succeeded", status.GetProperty("status").GetString());
        Assert.Equal("Done", status.GetProperty("progress").GetString());

        using var anonymous = Fixture.CreateClient();
        var result = await anonymous.GetFromJsonAsync<JsonElement>(jury.Url("/draw/result"), Cancel);
        Assert.Equal(24, result.GetProperty("poolSize").GetInt32());
        foreach (var row in result.GetProperty("composition").EnumerateArray())
        {
            var selected = row.GetProperty("selected").GetInt32();
            Assert.InRange(selected, row.GetProperty("min").GetInt32(), row.GetProperty("max").GetInt32());
        }

        var probabilities = result.GetProperty("probabilities").EnumerateArray().Select(p => p.GetDouble()).ToList();
        Assert.Equal(24, probabilities.Count);
        Assert.Equal(probabilities.OrderByDescending(p => p), probabilities);
        Assert.Equal(6.0, probabilities.Sum(), 3);
        Assert.Equal(24, result.GetProperty("histogram").EnumerateArray().Sum(b => b.GetProperty("volunteers").GetInt32()));
        var text = result.GetRawText();
        Assert.DoesNotContain("Person", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pool.example", text, StringComparison.Ordinal);

        // Re-run it as anyone would with `pd draw`: same files, same hash, same seed ⇒ same panel.
        var categories = await anonymous.GetStringAsync(jury.Url("/draw/categories.csv"), Cancel);
        var respondents = await anonymous.GetStringAsync(jury.Url("/draw/respondents.csv"), Cancel);
        Assert.DoesNotContain("High Street", respondents, StringComparison.Ordinal);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(categories + respondents)));
        Assert.Equal(result.GetProperty("inputHash").GetString(), hash);
        Assert.Contains("--seed 2027", result.GetProperty("command").GetString(), StringComparison.Ordinal);
        var quotas = QuotaCsv.Parse("categories.csv", categories);
        var pool = RespondentCsv.Parse("respondents.csv", respondents, quotas, new RespondentColumns("id", ["household"]));
        var rerun = SortitionEngine.Draw(new SortitionProblem(pool, 6, quotas), new DrawOptions { Seed = 2027 });
        await using var db = Fixture.CreateDbContext();
        var stored = await db.JuryDraws.SingleAsync(Cancel);
        Assert.Equal(stored.Panel, rerun.Panel);
        var households = pool.Where(r => stored.Panel.Contains(r.Id)).Select(r => r.Household).ToList();
        Assert.Equal(households.Count, households.Distinct().Count());

        var invitations = await db.JuryInvitations.CountAsync(i => i.Status == Data.Entities.Juries.JuryInvitationStatus.Drawn, Cancel);
        Assert.Equal(6, invitations);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "StartDraw", Cancel));
    }

    [Fact]
    public async Task After_the_draw_settings_pool_and_a_second_draw_are_refused_with_the_reason()
    {
        var jury = await JuryScenario.CreateAsync(Fixture);
        await jury.DrawnAsync();
        var configure = await jury.Officer.PutAsJsonAsync(jury.Url(), JuryScenario.Settings(), Cancel);
        Assert.Equal(HttpStatusCode.Conflict, configure.StatusCode);
        Assert.Contains("has been drawn", await configure.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await jury.ImportAsync(JuryScenario.PoolCsv(2, start: 100))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await jury.Officer.PostAsJsonAsync(jury.Url("/draws"), new { seed = 1 }, Cancel)).StatusCode);
        var view = await jury.Officer.GetFromJsonAsync<JsonElement>(jury.Url(), Cancel);
        Assert.True(view.GetProperty("locked").GetBoolean());
    }

    [Fact]
    public async Task Infeasible_quotas_name_the_conflict_and_the_smallest_fix_and_leave_the_jury_editable()
    {
        // Every young person is female in this pool, so three young men cannot be found.
        var jury = await JuryScenario.CreateAsync(Fixture, JuryScenario.Settings(new object[]
        {
            new { category = "gender", value = "Female", min = 0, max = 6 },
            new { category = "gender", value = "Male", min = 3, max = 6 },
            new { category = "age", value = "16-39", min = 5, max = 6 },
            new { category = "age", value = "40+", min = 0, max = 6 },
        }));
        var csv = new StringBuilder("id,name,email,gender,age\n");
        for (var i = 0; i < 12; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"X{i},Person {i},x{i}@pool.example,{(i < 6 ? "Female" : "Male")},{(i < 6 ? "16-39" : "40+")}\n");
        }

        Assert.Equal(HttpStatusCode.OK, (await jury.ImportAsync(csv.ToString())).StatusCode);
        await jury.StartDrawAsync();
        var status = await jury.WaitForDrawAsync();
        Assert.Equal("Infeasible", status.GetProperty("status").GetString());
        Assert.NotEmpty(status.GetProperty("conflicts").EnumerateArray());
        var fix = status.GetProperty("relaxation").EnumerateArray().ToList();
        Assert.NotEmpty(fix);
        Assert.All(fix, step => Assert.False(string.IsNullOrEmpty(step.GetProperty("description").GetString())));

        using var anonymous = Fixture.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(jury.Url("/draw/result"), Cancel)).StatusCode);
        var relaxed = await jury.Officer.PutAsJsonAsync(jury.Url(), JuryScenario.Settings(new object[]
        {
            new { category = "gender", value = "Female", min = 0, max = 6 },
            new { category = "gender", value = "Male", min = 0, max = 6 },
            new { category = "age", value = "16-39", min = 3, max = 6 },
            new { category = "age", value = "40+", min = 0, max = 6 },
        }), Cancel);
        Assert.Equal(HttpStatusCode.OK, relaxed.StatusCode);
        await jury.StartDrawAsync();
        Assert.Equal("Succeeded", (await jury.WaitForDrawAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Of_ten_simultaneous_starts_exactly_one_draw_is_queued()
    {
        var jury = await JuryScenario.CreateAsync(Fixture);
        Assert.Equal(HttpStatusCode.OK, (await jury.ImportAsync(JuryScenario.PoolCsv(24))).StatusCode);
        var starts = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => jury.Officer.PostAsJsonAsync(jury.Url("/draws"), new { seed = i }, Cancel)));
        Assert.Equal(1, starts.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(9, starts.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal("Succeeded", (await jury.WaitForDrawAsync()).GetProperty("status").GetString());
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(1, await db.JuryDraws.CountAsync(Cancel));
        Assert.Equal(6, await db.JuryInvitations.CountAsync(Cancel));
    }

    [Fact]
    public async Task A_pool_smaller_than_the_panel_is_refused_before_any_job()
    {
        var jury = await JuryScenario.CreateAsync(Fixture);
        Assert.Equal(HttpStatusCode.OK, (await jury.ImportAsync(JuryScenario.PoolCsv(4))).StatusCode);
        var response = await jury.Officer.PostAsJsonAsync(jury.Url("/draws"), new { seed = 1 }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("fewer than the panel size", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
