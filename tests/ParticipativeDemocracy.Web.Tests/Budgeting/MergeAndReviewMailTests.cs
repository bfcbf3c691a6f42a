using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

public sealed class MergeAndReviewMailTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Merging_a_duplicate_carries_its_supporters_over_once_and_tells_its_author()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        using var ada = await scenario.ResidentAsync("ada");
        using var ben = await scenario.ResidentAsync("ben");
        using var cai = await scenario.ResidentAsync("cai");
        using var dan = await scenario.ResidentAsync("dan");
        using var eve = await scenario.ResidentAsync("eve");
        var target = await ProposalParticipationTests.SubmitAsync(scenario, ada, "Benches");
        var duplicate = await ProposalParticipationTests.SubmitAsync(scenario, ben, "Seats in the park");
        foreach (var (who, what) in new[] { (cai, target), (cai, duplicate), (dan, duplicate), (ada, duplicate), (eve, target) })
        {
            Assert.Equal(HttpStatusCode.OK, (await who.PutAsync(scenario.Url($"proposals/{what}/support"), null, Cancel)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden,
            (await ada.PostAsJsonAsync(scenario.Url($"proposals/{duplicate}/merge"), new { targetId = target }, Cancel)).StatusCode);
        var intoItself = await scenario.Officer.PostAsJsonAsync(scenario.Url($"proposals/{duplicate}/merge"), new { targetId = duplicate }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, intoItself.StatusCode);
        Assert.True((await intoItself.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("targetId", out _));

        var merged = await scenario.Officer.PostAsJsonAsync(scenario.Url($"proposals/{duplicate}/merge"), new { targetId = target }, Cancel);
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        // cai backed both and counts once; dan carries over; ada cannot support her own proposal.
        Assert.Equal(3, (await merged.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("targetSupporters").GetInt32());
        var closed = await ProposalParticipationTests.GetProjectAsync(ben, scenario, duplicate);
        Assert.Equal("Merged", closed.GetProperty("status").GetString());
        Assert.Equal("P01", closed.GetProperty("mergedIntoCode").GetString());
        var support = await dan.PutAsync(scenario.Url($"proposals/{duplicate}/support"), null, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, support.StatusCode);
        Assert.Contains("merged", await ProposalParticipationTests.DetailAsync(support), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict,
            (await scenario.Officer.PostAsJsonAsync(scenario.Url($"proposals/{duplicate}/merge"), new { targetId = target }, Cancel)).StatusCode);
        Assert.Contains("See P01", await ben.GetStringAsync("/processes/riverside-budget/projects/P02", Cancel), StringComparison.Ordinal);

        var mail = await Fixture.Smtp.WaitForAsync("ben@residents.example");
        Assert.Equal("Your proposal was merged: Seats in the park", mail.Subject);
        Assert.Contains("P01 Benches", mail.TextBody, StringComparison.Ordinal);
        await using var db = Fixture.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "MergeProposal" && e.TargetId == duplicate.ToString(), Cancel));

        scenario.OpenVoting();
        var late = await scenario.Officer.PostAsJsonAsync(scenario.Url($"proposals/{target}/merge"), new { targetId = duplicate }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("locked", await ProposalParticipationTests.DetailAsync(late), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_author_is_emailed_the_review_outcome_with_the_reason_and_the_review_is_audited()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        using var ada = await scenario.ResidentAsync("ada");
        using var ben = await scenario.ResidentAsync("ben");
        var castle = await ProposalParticipationTests.SubmitAsync(scenario, ada, "Castle", 500);
        var benches = await ProposalParticipationTests.SubmitAsync(scenario, ben, "Benches", 30);

        await scenario.Officer.PostAsJsonAsync(scenario.Url($"proposals/{castle}/review"), new { feasible = false, reason = "The council owns no land for it." }, Cancel);
        await scenario.Officer.PostAsJsonAsync(scenario.Url($"proposals/{benches}/review"), new { feasible = true, finalCost = 45 }, Cancel);

        var refused = await Fixture.Smtp.WaitForAsync("ada@residents.example");
        Assert.Equal("Your proposal has been reviewed: Castle", refused.Subject);
        Assert.Contains("The council owns no land for it.", refused.TextBody, StringComparison.Ordinal);
        var accepted = await Fixture.Smtp.WaitForAsync("ben@residents.example");
        Assert.Contains("feasible", accepted.TextBody, StringComparison.Ordinal);
        Assert.Contains("£45", accepted.TextBody, StringComparison.Ordinal);
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "ReviewProposal", Cancel));
    }

    [Fact]
    public async Task Officers_merge_from_the_review_page()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        using var ada = await scenario.ResidentAsync("ada");
        var target = await ProposalParticipationTests.SubmitAsync(scenario, ada, "Benches");
        await ProposalParticipationTests.SubmitAsync(scenario, ada, "More benches");

        var page = await BrowserSession.SubmitFormAsync(scenario.Officer, $"/admin/processes/{scenario.ProcessId}/budget", "r-P02-merge",
            new Dictionary<string, string> { ["targetId"] = target.ToString() });
        Assert.Contains("Merged into P01", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await using var db = Fixture.CreateDbContext();
        var duplicate = await db.BudgetProjects.SingleAsync(p => p.Code == "P02", Cancel);
        Assert.Equal((ParticipativeDemocracy.Web.Data.Entities.Budgeting.ProposalStatus.Merged, target), (duplicate.Status, duplicate.MergedIntoId));
    }
}
