using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

public sealed class CommentTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Residents_comment_and_reply_in_threads()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        using var ada = await scenario.ResidentAsync("ada");
        using var ben = await scenario.ResidentAsync("ben");
        var project = await ProposalParticipationTests.SubmitAsync(scenario, ada, "Skate park");

        var first = await PostAsync(scenario, ben, project, "Great idea, but where?");
        var reply = await PostAsync(scenario, ada, project, "Behind the library.", first);

        var empty = await ben.PostAsJsonAsync(scenario.Url($"projects/{project}/comments"), new { body = " " }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("body", out _));
        var orphan = await ben.PostAsJsonAsync(scenario.Url($"projects/{project}/comments"), new { body = "Hm", parentId = Guid.NewGuid() }, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, orphan.StatusCode);
        using var anonymous = Fixture.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PostAsJsonAsync(scenario.Url($"projects/{project}/comments"), new { body = "Hi" }, Cancel)).StatusCode);

        var comments = (await ProposalParticipationTests.GetProjectAsync(anonymous, scenario, project)).GetProperty("comments").EnumerateArray().ToList();
        Assert.Equal(2, comments.Count);
        Assert.Equal(first, comments[0].GetProperty("id").GetGuid());
        Assert.Equal(first, comments[1].GetProperty("parentId").GetGuid());
        Assert.Equal(reply, comments[1].GetProperty("id").GetGuid());
        Assert.Equal("ada@residents.example", comments[1].GetProperty("author").GetString());

        var page = await BrowserSession.SubmitFormAsync(ben, "/processes/riverside-budget/projects/P01", $"reply-{reply}",
            new Dictionary<string, string> { ["body"] = "Perfect spot." });
        var html = await page.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Your comment is posted.", html, StringComparison.Ordinal);
        // A comment, its reply and the reply to that: three nested lists.
        Assert.Equal(3, html.Split("class=\"pd-comments\"").Length - 1);
        Assert.Contains("Perfect spot.", html, StringComparison.Ordinal);
        Assert.Equal(3, Enumerable.Count((await ProposalParticipationTests.GetProjectAsync(anonymous, scenario, project)).GetProperty("comments").EnumerateArray()));
    }

    [Fact]
    public async Task Reported_comments_queue_for_officers_who_hide_them_with_a_reason_everyone_sees()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        using var ada = await scenario.ResidentAsync("ada");
        using var ben = await scenario.ResidentAsync("ben");
        using var cai = await scenario.ResidentAsync("cai");
        var project = await ProposalParticipationTests.SubmitAsync(scenario, ada, "Skate park");
        var rude = await PostAsync(scenario, ben, project, "Something abusive");
        var fine = await PostAsync(scenario, cai, project, "I disagree politely");

        Assert.Equal(HttpStatusCode.OK, (await ada.PostAsJsonAsync(scenario.Url($"comments/{rude}/reports"), new { reason = "Insulting" }, Cancel)).StatusCode);
        var twice = await ada.PostAsJsonAsync(scenario.Url($"comments/{rude}/reports"), new { reason = "Still insulting" }, Cancel);
        Assert.False((await twice.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("counted").GetBoolean());
        await cai.PostAsJsonAsync(scenario.Url($"comments/{rude}/reports"), new { }, Cancel);
        await ada.PostAsJsonAsync(scenario.Url($"comments/{fine}/reports"), new { reason = "I don't like it" }, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, (await ada.GetAsync("/api/processes/reported-comments", Cancel)).StatusCode);
        var queue = (await scenario.Officer.GetFromJsonAsync<JsonElement>("/api/processes/reported-comments", Cancel)).EnumerateArray().ToList();
        Assert.Equal(2, queue.Count);
        Assert.Equal(rude, queue[0].GetProperty("commentId").GetGuid());
        Assert.Equal(2, queue[0].GetProperty("reports").GetInt32());
        Assert.Equal("Insulting", Assert.Single(queue[0].GetProperty("reasons").EnumerateArray()).GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await ada.PostAsJsonAsync(scenario.Url($"comments/{rude}/hide"), new { reason = "x" }, Cancel)).StatusCode);
        var noReason = await scenario.Officer.PostAsJsonAsync(scenario.Url($"comments/{rude}/hide"), new { reason = "" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("reason", out _));
        var hidden = await scenario.Officer.PostAsJsonAsync(scenario.Url($"comments/{rude}/hide"), new { reason = "Personal abuse" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict,
            (await scenario.Officer.PostAsJsonAsync(scenario.Url($"comments/{rude}/hide"), new { reason = "Again" }, Cancel)).StatusCode);
        var replyToHidden = await ada.PostAsJsonAsync(scenario.Url($"projects/{project}/comments"), new { body = "Agreed", parentId = rude }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, replyToHidden.StatusCode);

        using var anonymous = Fixture.CreateClient();
        var shown = (await ProposalParticipationTests.GetProjectAsync(anonymous, scenario, project)).GetProperty("comments").EnumerateArray()
            .Single(c => c.GetProperty("id").GetGuid() == rude);
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("body").ValueKind);
        Assert.Equal("Personal abuse", shown.GetProperty("hiddenReason").GetString());
        var html = await anonymous.GetStringAsync("/processes/riverside-budget/projects/P01", Cancel);
        Assert.Contains("Hidden by a moderator: Personal abuse", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Something abusive", html, StringComparison.Ordinal);

        var moderation = await scenario.Officer.GetStringAsync("/admin/moderation", Cancel);
        Assert.Contains("I disagree politely", moderation, StringComparison.Ordinal);
        Assert.DoesNotContain("Something abusive", moderation, StringComparison.Ordinal);
        var kept = await BrowserSession.SubmitFormAsync(scenario.Officer, "/admin/moderation", $"m-{fine:N}-keep", new Dictionary<string, string>());
        var keptHtml = await kept.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("its reports are cleared", keptHtml, StringComparison.Ordinal);
        Assert.Contains("No comments are waiting", keptHtml, StringComparison.Ordinal);

        await using var db = Fixture.CreateDbContext();
        var audit = await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => new { e.Action, e.TargetId, e.ActorName }).ToListAsync(Cancel);
        Assert.Contains(audit, e => e.Action == "HideComment" && e.TargetId == rude.ToString() && e.ActorName == "officer@budget.example");
        Assert.Contains(audit, e => e.Action == "KeepComment" && e.TargetId == fine.ToString());
    }

    [Fact]
    public async Task Officers_hide_through_the_moderation_page_only_with_a_reason()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        using var ada = await scenario.ResidentAsync("ada");
        var project = await ProposalParticipationTests.SubmitAsync(scenario, ada, "Skate park");
        var comment = await PostAsync(scenario, ada, project, "Spam spam spam");
        await ada.PostAsJsonAsync(scenario.Url($"comments/{comment}/reports"), new { reason = "Spam" }, Cancel);

        var noReason = await BrowserSession.SubmitFormAsync(scenario.Officer, "/admin/moderation", $"m-{comment:N}-hide",
            new Dictionary<string, string> { ["reason"] = "" });
        Assert.Contains("Give the reason for hiding", await noReason.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var hidden = await BrowserSession.SubmitFormAsync(scenario.Officer, "/admin/moderation", $"m-{comment:N}-hide",
            new Dictionary<string, string> { ["reason"] = "Advertising" });
        Assert.Contains("The comment is hidden.", await hidden.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Contains("Hidden by a moderator: Advertising",
            await ada.GetStringAsync("/processes/riverside-budget/projects/P01", Cancel), StringComparison.Ordinal);

        using var resident = await scenario.ResidentAsync("ben");
        var refused = await resident.GetAsync("/admin/moderation", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }

    internal static async Task<Guid> PostAsync(BudgetScenario scenario, HttpClient resident, Guid project, string body, Guid? parentId = null)
    {
        var posted = await resident.PostAsJsonAsync(scenario.Url($"projects/{project}/comments"), new { body, parentId });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        return (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
