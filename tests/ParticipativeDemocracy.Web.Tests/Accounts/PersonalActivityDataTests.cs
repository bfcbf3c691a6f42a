using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParticipativeDemocracy.Web.Tests.Budgeting;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Accounts;

/// <summary>The personal-data download includes what the person did: supports, comments, reports and follows.</summary>
public sealed class PersonalActivityDataTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task The_download_lists_the_persons_supports_comments_reports_and_follows_and_nobody_elses()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        using var ada = await scenario.ResidentAsync("ada");
        using var ben = await scenario.ResidentAsync("ben");
        var benches = await ProposalParticipationTests.SubmitAsync(scenario, ada, "Benches");
        Assert.Equal(HttpStatusCode.OK, (await ben.PutAsync(scenario.Url($"proposals/{benches}/support"), null, Cancel)).StatusCode);
        var adaComment = await CommentAsync(scenario, ada, benches, new { body = "Near the lock, please." });
        await CommentAsync(scenario, ben, benches, new { body = "Yes, by the lock.", parentId = adaComment });
        Assert.Equal(HttpStatusCode.OK, (await ben.PostAsJsonAsync(scenario.Url($"comments/{adaComment}/reports"), new { reason = "Testing reports" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ben.PutAsync(scenario.Url("follow"), null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ben.PutAsync(scenario.Url($"projects/{benches}/follow"), null, Cancel)).StatusCode);

        var data = await ben.GetFromJsonAsync<JsonElement>("/api/account/data", Cancel);
        var support = Assert.Single(data.GetProperty("proposalSupports").EnumerateArray());
        Assert.Equal("Riverside budget", support.GetProperty("process").GetString());
        Assert.EndsWith("Benches", support.GetProperty("proposal").GetString(), StringComparison.Ordinal);
        var comment = Assert.Single(data.GetProperty("comments").EnumerateArray());
        Assert.Equal("Yes, by the lock.", comment.GetProperty("body").GetString());
        Assert.True(comment.GetProperty("reply").GetBoolean());
        Assert.Equal("Testing reports", Assert.Single(data.GetProperty("commentReports").EnumerateArray()).GetProperty("reason").GetString());
        Assert.Equal(["process", "project"], data.GetProperty("follows").EnumerateArray().Select(f => f.GetProperty("kind").GetString()).Order(StringComparer.Ordinal));

        var adas = await ada.GetFromJsonAsync<JsonElement>("/api/account/data", Cancel);
        Assert.Empty(adas.GetProperty("proposalSupports").EnumerateArray());
        Assert.Equal("Near the lock, please.", Assert.Single(adas.GetProperty("comments").EnumerateArray()).GetProperty("body").GetString());
        Assert.Empty(adas.GetProperty("follows").EnumerateArray());
    }

    private static async Task<Guid> CommentAsync(BudgetScenario scenario, HttpClient author, Guid project, object body)
    {
        var posted = await author.PostAsJsonAsync(scenario.Url($"projects/{project}/comments"), body, Cancel);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        return (await posted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }
}
