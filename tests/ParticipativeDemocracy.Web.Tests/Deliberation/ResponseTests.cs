using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Tests.Infrastructure;
using static ParticipativeDemocracy.Web.Tests.Deliberation.RecommendationTests;

namespace ParticipativeDemocracy.Web.Tests.Deliberation;

public sealed class ResponseTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Officer_response_and_progress_reach_jurors_and_followers_and_are_audited()
    {
        var jury = await JuryScenario.CreateAsync(Fixture, "Aisha", "Bryn");
        var facilitator = await jury.FacilitatorAsync();
        var aisha = await jury.MemberAsync("Aisha");
        var bryn = await jury.MemberAsync("Bryn");
        var id = await AdoptAsync(jury, facilitator, aisha, bryn);
        var follower = await jury.ResidentAsync("follower@residents.example");
        await Expect(HttpStatusCode.NoContent, follower.Http.PostAsync(jury.Api("followers"), null, Cancel));
        await Expect(HttpStatusCode.NoContent, follower.Http.PostAsync(jury.Api("followers"), null, Cancel));
        var quitter = await jury.ResidentAsync("quitter@residents.example");
        await Expect(HttpStatusCode.NoContent, quitter.Http.PostAsync(jury.Api("followers"), null, Cancel));
        await Expect(HttpStatusCode.NoContent, quitter.Http.DeleteAsync(jury.Api("followers/me"), Cancel));
        var officer = await jury.OfficerAsync();

        await Expect(HttpStatusCode.Conflict, officer.Http.PostAsJsonAsync($"/api/juries/recommendations/{id}/progress", new { text = "Started" }, Cancel));
        var response = await officer.Http.PostAsJsonAsync($"/api/juries/recommendations/{id}/response",
            new { decision = "Partly", text = "We will close three streets, not all.", timeline = "By September 2027" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(3, (await response.Content.ReadFromJsonAsync<Features.Deliberation.RecordResponse.Recorded>(Cancel))!.Notified);
        await Expect(HttpStatusCode.Conflict, officer.Http.PostAsJsonAsync($"/api/juries/recommendations/{id}/response",
            new { decision = "Accepted", text = "Again" }, Cancel));
        Fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        await Expect(HttpStatusCode.Created, officer.Http.PostAsJsonAsync($"/api/juries/recommendations/{id}/progress",
            new { text = "Mill Lane closed at drop-off from today." }, Cancel));

        await using var db = Fixture.CreateDbContext();
        var mails = await db.OutboxEmails.Where(e => e.Subject.StartsWith("You said, we did")).ToListAsync(Cancel);
        Assert.Equal(6, mails.Count);
        Assert.Equal(new[] { "aisha@jurors.example", "bryn@jurors.example", "follower@residents.example" },
            mails.Select(m => m.To).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(mails, m => m.TextBody.Contains("We did (Partly): We will close three streets", StringComparison.Ordinal)
                                    && m.TextBody.Contains("By September 2027", StringComparison.Ordinal));
        var audited = await db.AuditEntries.Where(a => a.TargetId == id.ToString()).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync(Cancel);
        Assert.Equal(new[] { "RecordResponse.Response", "RecordResponse.Progress" }, audited);
        var report = await Fixture.CreateClient().GetStringAsync($"/api/juries/{JuryScenario.Slug}/report.md", Cancel);
        Assert.Contains("Council response (Partly", report, StringComparison.Ordinal);
        Assert.Contains("Mill Lane closed at drop-off", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_officers_respond_and_a_decision_is_required()
    {
        var jury = await JuryScenario.CreateAsync(Fixture, "Aisha");
        var facilitator = await jury.FacilitatorAsync();
        var aisha = await jury.MemberAsync("Aisha");
        var id = await AdoptAsync(jury, facilitator, aisha);
        var officer = await jury.OfficerAsync();

        await Expect(HttpStatusCode.Forbidden, facilitator.Http.PostAsJsonAsync($"/api/juries/recommendations/{id}/response",
            new { decision = "Accepted", text = "Yes" }, Cancel));
        var missing = await officer.Http.PostAsJsonAsync($"/api/juries/recommendations/{id}/response", new { text = "Yes" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("\"decision\"", await missing.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var draft = await DraftAsync(jury, aisha, "Not voted", "Text");
        await Expect(HttpStatusCode.Conflict, officer.Http.PostAsJsonAsync($"/api/juries/recommendations/{draft}/response",
            new { decision = "Accepted", text = "Yes" }, Cancel));
    }

    internal static async Task<Guid> AdoptAsync(JuryScenario jury, Person facilitator, params Person[] members)
    {
        var id = await DraftAsync(jury, members[0], "Close streets at drop-off", "Close the street by each school for 30 minutes.");
        await Expect(HttpStatusCode.NoContent, facilitator.Http.PostAsJsonAsync($"/api/juries/recommendations/{id}/vote/open", new { thresholdPercent = 75 }, Cancel));
        foreach (var member in members)
        {
            await Expect(HttpStatusCode.NoContent, Vote(member, id, "Support"));
        }

        await Close(facilitator, id);
        return id;
    }
}
