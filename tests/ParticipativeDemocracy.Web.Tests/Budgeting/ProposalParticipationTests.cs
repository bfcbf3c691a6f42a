using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

public sealed class ProposalParticipationTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task The_author_edits_and_withdraws_their_proposal_others_may_not()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        using var author = await scenario.ResidentAsync("ada");
        using var other = await scenario.ResidentAsync("ben");
        var id = await SubmitAsync(scenario, author, "Benches");

        var edited = await author.PutAsJsonAsync(scenario.Url($"proposals/{id}"),
            new { title = "Benches by the river", description = "Six benches", district = "North", estimatedCost = 30 }, Cancel);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var project = await GetProjectAsync(author, scenario, id);
        Assert.Equal("Benches by the river", project.GetProperty("title").GetString());
        Assert.Equal(30m, project.GetProperty("cost").GetDecimal());
        Assert.Equal("North", project.GetProperty("district").GetString());

        var invalid = await author.PutAsJsonAsync(scenario.Url($"proposals/{id}"), new { title = "", estimatedCost = 0 }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _) && errors.TryGetProperty("estimatedCost", out _), errors.ToString());

        var notTheirs = await other.PutAsJsonAsync(scenario.Url($"proposals/{id}"), new { title = "Mine now", estimatedCost = 1 }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync(scenario.Url($"proposals/{id}/withdraw"), null, Cancel)).StatusCode);
        Assert.Equal("Benches by the river", (await GetProjectAsync(author, scenario, id)).GetProperty("title").GetString());

        var withdrawn = await author.PostAsync(scenario.Url($"proposals/{id}/withdraw"), null, Cancel);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync(scenario.Url($"projects/{id}"), Cancel)).StatusCode);
        Assert.Empty((await author.GetFromJsonAsync<JsonElement>(scenario.Url("projects"), Cancel)).EnumerateArray());
        var again = await author.PostAsync(scenario.Url($"proposals/{id}/withdraw"), null, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Editing_stops_at_review_and_everything_stops_when_voting_opens()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        using var author = await scenario.ResidentAsync("cai");
        var reviewed = await scenario.AddProjectAsync(author, "Trees", 20);
        var waiting = await SubmitAsync(scenario, author, "Lights");

        var afterReview = await author.PutAsJsonAsync(scenario.Url($"proposals/{reviewed}"), new { title = "More trees", estimatedCost = 25 }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, afterReview.StatusCode);
        Assert.Contains("reviewed", await DetailAsync(afterReview), StringComparison.Ordinal);

        scenario.OpenVoting();
        foreach (var response in new[]
                 {
                     await author.PutAsJsonAsync(scenario.Url($"proposals/{waiting}"), new { title = "Brighter lights", estimatedCost = 5 }, Cancel),
                     await author.PostAsync(scenario.Url($"proposals/{reviewed}/withdraw"), null, Cancel),
                 })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("proposal phase is over", await DetailAsync(response), StringComparison.Ordinal);
        }

        Assert.Equal("Feasible", (await GetProjectAsync(author, scenario, reviewed)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Residents_support_others_proposals_once_each_and_can_take_it_back()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        using var author = await scenario.ResidentAsync("dee");
        using var first = await scenario.ResidentAsync("eli");
        using var second = await scenario.ResidentAsync("fay");
        var id = await SubmitAsync(scenario, author, "Playground");

        var own = await author.PutAsync(scenario.Url($"proposals/{id}/support"), null, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Contains("your own proposal", await DetailAsync(own), StringComparison.Ordinal);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => first.PutAsync(scenario.Url($"proposals/{id}/support"), null, Cancel)));
        var supported = await second.PutAsync(scenario.Url($"proposals/{id}/support"), null, Cancel);
        Assert.Equal(HttpStatusCode.OK, supported.StatusCode);
        Assert.Equal(2, (await supported.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("count").GetInt32());
        var seenByFirst = await GetProjectAsync(first, scenario, id);
        Assert.Equal(2, seenByFirst.GetProperty("supporters").GetInt32());
        Assert.True(seenByFirst.GetProperty("supportedByViewer").GetBoolean());
        Assert.False((await GetProjectAsync(author, scenario, id)).GetProperty("supportedByViewer").GetBoolean());

        var takenBack = await first.DeleteAsync(scenario.Url($"proposals/{id}/support"), Cancel);
        Assert.Equal(1, (await takenBack.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("count").GetInt32());
        Assert.False((await GetProjectAsync(first, scenario, id)).GetProperty("supportedByViewer").GetBoolean());

        using var anonymous = Fixture.CreateClient();
        Assert.Equal(1, (await GetProjectAsync(anonymous, scenario, id)).GetProperty("supporters").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsync(scenario.Url($"proposals/{id}/support"), null, Cancel)).StatusCode);

        scenario.OpenVoting();
        var late = await first.PutAsync(scenario.Url($"proposals/{id}/support"), null, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("proposal phase is over", await DetailAsync(late), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_project_page_lets_a_resident_support_and_the_author_reach_the_edit_page()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        using var author = await scenario.ResidentAsync("gus");
        using var supporter = await scenario.ResidentAsync("hal");
        await SubmitAsync(scenario, author, "Community fridge");
        var page = "/processes/riverside-budget/projects/P01";

        using var anonymous = Fixture.CreateClient();
        var html = await anonymous.GetStringAsync(page, Cancel);
        Assert.Contains("Community fridge", html, StringComparison.Ordinal);
        Assert.Contains("Sign in to support", html, StringComparison.Ordinal);
        Assert.Contains("/processes/riverside-budget/projects/P01", await anonymous.GetStringAsync("/processes/riverside-budget", Cancel), StringComparison.Ordinal);

        var posted = await BrowserSession.SubmitFormAsync(supporter, page, "support", new Dictionary<string, string>());
        var after = await posted.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("You support this proposal.", after, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"supporters\">1<", after);
        Assert.Contains("Take back my support", after, StringComparison.Ordinal);

        var authorView = await author.GetStringAsync(page, Cancel);
        Assert.Contains("/processes/riverside-budget/projects/P01/edit", authorView, StringComparison.Ordinal);
        Assert.DoesNotContain("Support this proposal", authorView, StringComparison.Ordinal);
        var edited = await BrowserSession.SubmitFormAsync(author, page + "/edit", "edit", new Dictionary<string, string>
        {
            ["title"] = "Community fridge and pantry", ["description"] = "", ["district"] = "", ["category"] = "", ["estimatedCost"] = "1,200",
        });
        Assert.Contains("Your changes are saved.", await edited.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Contains("Community fridge and pantry", await anonymous.GetStringAsync(page, Cancel), StringComparison.Ordinal);

        var refused = await BrowserSession.SubmitFormAsync(supporter, page + "/edit", "withdraw", new Dictionary<string, string>());
        Assert.Contains("Only the author", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    internal static async Task<Guid> SubmitAsync(BudgetScenario scenario, HttpClient resident, string title, decimal cost = 10)
    {
        var submitted = await resident.PostAsJsonAsync(scenario.Url("proposals"), new { title, estimatedCost = cost });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        return (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    internal static Task<JsonElement> GetProjectAsync(HttpClient client, BudgetScenario scenario, Guid id) =>
        client.GetFromJsonAsync<JsonElement>(scenario.Url($"projects/{id}"));

    internal static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString() ?? "";
}
