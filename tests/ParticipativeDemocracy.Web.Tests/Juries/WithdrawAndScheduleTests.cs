using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Data.Entities.Juries;
using ParticipativeDemocracy.Web.Jobs;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Juries;

public sealed class WithdrawAndScheduleTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Withdrawing_a_drawn_member_draws_a_replacement_that_keeps_the_quotas()
    {
        var jury = await JuryScenario.CreateAsync(Fixture);
        await jury.DrawnAsync(poolSize: 40);
        await ConfirmEveryoneAsync(jury);
        var panel = await jury.Officer.GetFromJsonAsync<JsonElement>(jury.Url("/members"), Cancel);
        Assert.Equal(6, panel.GetArrayLength());
        var memberId = panel[0].GetProperty("id").GetGuid();

        var withdrawn = await jury.Officer.PostAsync(new Uri(jury.Url($"/members/{memberId}/withdrawal"), UriKind.Relative), null, Cancel);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var body = await withdrawn.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(body.GetProperty("replaceable").GetBoolean());
        Assert.Equal(1, body.GetProperty("replacements").GetInt32());
        var again = await jury.Officer.PostAsync(new Uri(jury.Url($"/members/{memberId}/withdrawal"), UriKind.Relative), null, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var unknown = await jury.Officer.PostAsync(new Uri(jury.Url($"/members/{Guid.NewGuid()}/withdrawal"), UriKind.Relative), null, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        await using var db = Fixture.CreateDbContext();
        var member = await db.JuryPanelMembers.SingleAsync(m => m.Id == memberId, Cancel);
        Assert.Equal(JuryMemberStatus.Withdrawn, member.Status);
        var invitations = await db.JuryInvitations.ToListAsync(Cancel);
        var out1 = Assert.Single(invitations, i => i.Status == JuryInvitationStatus.Withdrawn);
        Assert.True(out1.Replaced);
        var replacement = Assert.Single(invitations, i => i.Round == 1);
        Assert.Equal(JuryInvitationStatus.Pending, replacement.Status);
        var seats = invitations.Where(i => i.Status is JuryInvitationStatus.Confirmed or JuryInvitationStatus.Pending).Select(i => i.VolunteerId).ToList();
        var features = (await db.JuryVolunteers.Where(v => seats.Contains(v.Id)).Select(v => v.Features).ToListAsync(Cancel))
            .Select(f => JsonSerializer.Deserialize<Dictionary<string, string>>(f)!).ToList();
        Assert.Equal((6, 3, 3), (features.Count, features.Count(f => f["gender"] == "Female"), features.Count(f => f["age"] == "16-39")));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "WithdrawPanelMember", Cancel));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "DrawReplacements", Cancel));
    }

    [Fact]
    public async Task When_no_replacement_fits_the_jurys_officers_are_emailed_and_the_admin_page_says_so()
    {
        var jury = await JuryScenario.CreateAsync(Fixture);
        await jury.DrawnAsync(poolSize: 6);
        await ConfirmEveryoneAsync(jury);
        var adminUrl = $"/admin/juries/{jury.ProcessId}";
        var admin = await jury.Officer.GetStringAsync(adminUrl, Cancel);
        Assert.DoesNotContain("data-testid=\"replacement-alert\"", admin, StringComparison.Ordinal);
        var memberId = (await jury.Officer.GetFromJsonAsync<JsonElement>(jury.Url("/members"), Cancel))[0].GetProperty("id").GetGuid();

        var response = await BrowserSession.SubmitFormAsync(jury.Officer, adminUrl, $"withdraw-{memberId:N}", new Dictionary<string, string>());
        var page = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("no replacement fits the quotas", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"replacement-alert\"", page, StringComparison.Ordinal);
        Assert.Contains("the panel has 5 of 6 members", page, StringComparison.Ordinal);

        await using (var db = Fixture.CreateDbContext())
        {
            var alert = await db.OutboxEmails.SingleAsync(e => e.Subject.StartsWith("No replacement fits"), Cancel);
            Assert.Equal("officer@jury.example", alert.To);
            Assert.Contains($"/admin/juries/{jury.ProcessId}", alert.TextBody, StringComparison.Ordinal);
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "ReplacementImpossible", Cancel));
        }

        // The job does not retry or mail again; seating someone directly clears the notice.
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JuryInvitationDeadlinesJob>().RunAsync(Cancel);
        }

        await Expect(HttpStatusCode.Created, jury.Officer.PostAsJsonAsync(jury.Url("/members"),
            new { email = "head.teacher@school.example", displayName = "Head teacher", playerLevel = "Manager" }, Cancel));
        Assert.DoesNotContain("data-testid=\"replacement-alert\"", await jury.Officer.GetStringAsync(adminUrl, Cancel), StringComparison.Ordinal);
        await using var after = Fixture.CreateDbContext();
        Assert.Equal(1, await after.OutboxEmails.CountAsync(e => e.Subject.StartsWith("No replacement fits"), Cancel));
    }

    [Fact]
    public async Task Officers_set_the_session_schedule_and_volunteers_say_which_sessions_they_can_attend()
    {
        var jury = await JuryScenario.CreateAsync(Fixture);
        var adminUrl = $"/admin/juries/{jury.ProcessId}";
        var fields = new Dictionary<string, string>
        {
            ["remit"] = "How should the council cut air pollution around schools?", ["panelSize"] = "6",
            ["quotas"] = "gender,Female,3,3\ngender,Male,3,3\nage,16-39,3,3\nage,40+,3,3", ["responseDays"] = "7", ["algorithm"] = "Leximin",
            ["recruitmentOpensAt"] = "2026-11-01T09:00", ["recruitmentClosesAt"] = "2026-11-30T17:00",
            ["schedule"] = "2026-12-05 10:00, 16:00, Hearing the evidence\nnot a session",
        };
        var invalid = await (await BrowserSession.SubmitFormAsync(jury.Officer, adminUrl, "configure", fields)).Content.ReadAsStringAsync(Cancel);
        Assert.Contains("href=\"#schedule\"", invalid, StringComparison.Ordinal);
        Assert.Contains("Line 2 of the schedule", invalid, StringComparison.Ordinal);
        fields["schedule"] = "2026-12-12 10:00, 16:00, Deciding\n2026-12-05 10:00, 16:00, Hearing the evidence";
        var saved = await BrowserSession.SubmitFormAsync(jury.Officer, adminUrl, "configure", fields);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var admin = await jury.Officer.GetStringAsync(adminUrl, Cancel);
        Assert.Contains("2026-12-05 10:00, 16:00, Hearing the evidence\n2026-12-12 10:00, 16:00, Deciding", WebUtility.HtmlDecode(admin), StringComparison.Ordinal);

        var backwards = await jury.Officer.PutAsJsonAsync(jury.Url(), new
        {
            remit = "Remit", panelSize = 6, quotas = JuryScenario.Quotas(), responseDays = 7,
            schedule = new[] { new { title = "Backwards", startsAt = PlatformFixture.Start.AddDays(9), endsAt = PlatformFixture.Start.AddDays(8) } },
        }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("schedule[0].endsAt", await backwards.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var resident = Fixture.CreateClient();
        var registerUrl = $"/juries/{jury.Slug}/register";
        var form = WebUtility.HtmlDecode(await resident.GetStringAsync(registerUrl, Cancel));
        Assert.Contains("Hearing the evidence: Saturday 5 December 2026, 10:00–16:00", form, StringComparison.Ordinal);
        Assert.Contains("id=\"session-2\"", form, StringComparison.Ordinal);
        var registered = await BrowserSession.SubmitFormAsync(resident, registerUrl, "register", new Dictionary<string, string>
        {
            ["name"] = "Ann", ["email"] = "ann@example.org", ["features.gender"] = "Female", ["features.age"] = "16-39",
            ["consent"] = "true", ["session"] = "2",
        });
        Assert.Contains("data-testid=\"registered\"", await registered.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var outOfRange = await resident.PostAsJsonAsync(jury.Url("/volunteers"), new
        {
            name = "Bob", email = "bob@example.org", features = new Dictionary<string, string> { ["gender"] = "Male", ["age"] = "40+" },
            consent = true, availableSessions = new[] { 1, 3 },
        }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Contains("availableSessions", await outOfRange.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        await using var db = Fixture.CreateDbContext();
        Assert.Equal([2], (await db.JuryVolunteers.SingleAsync(Cancel)).AvailableSessions);
        var pool = await jury.Officer.GetFromJsonAsync<JsonElement>(jury.Url("/volunteers"), Cancel);
        Assert.Equal(2, pool.GetProperty("volunteers")[0].GetProperty("availableSessions")[0].GetInt32());
    }

    private static async Task Expect(HttpStatusCode status, Task<HttpResponseMessage> call) => Assert.Equal(status, (await call).StatusCode);

    /// <summary>Sends the invitations and has every selected person confirm through their link.</summary>
    private async Task ConfirmEveryoneAsync(JuryScenario jury)
    {
        Assert.Equal(HttpStatusCode.OK, (await jury.Officer.PostAsync(new Uri(jury.Url("/invitations"), UriKind.Relative), null, Cancel)).StatusCode);
        List<string> links;
        await using (var db = Fixture.CreateDbContext())
        {
            links = [.. (await db.OutboxEmails.Where(e => e.Subject.StartsWith("You have been selected")).Select(e => e.TextBody).ToListAsync(Cancel))
                .Select(b => BrowserSession.LinkIn(b, "/juries/invitations/"))];
        }

        using var anonymous = Fixture.CreateClient();
        foreach (var link in links)
        {
            var answered = await anonymous.PostAsJsonAsync($"/api/juries/invitations/{link["/juries/invitations/".Length..]}", new { accept = true }, Cancel);
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }
    }
}
