using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Juries;
using ParticipativeDemocracy.Web.Jobs;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Juries;

public sealed class InvitationTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Selected_people_confirm_or_decline_and_confirming_seats_them_with_a_jury_member_account()
    {
        var jury = await JuryScenario.CreateAsync(Fixture);
        await jury.DrawnAsync();
        var sent = await jury.Officer.PostAsync(new Uri(jury.Url("/invitations"), UriKind.Relative), null, Cancel);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(6, (await sent.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("invitations").GetInt32());
        var links = await LinksAsync();
        Assert.Equal(6, links.Count);

        using var anonymous = Fixture.CreateClient();
        var (email, link) = links.First();
        var token = link["/juries/invitations/".Length..];
        var confirmed = await anonymous.PostAsJsonAsync($"/api/juries/invitations/{token}", new { accept = true }, Cancel);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var twice = await anonymous.PostAsJsonAsync($"/api/juries/invitations/{token}", new { accept = false }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("already confirmed", await twice.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync("/api/juries/invitations/forged", new { accept = true }, Cancel)).StatusCode);

        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.NotNull(user);
        Assert.True(await users.IsInRoleAsync(user, "JuryMember"));
        Assert.True(await users.IsInRoleAsync(user, "Resident"));
        await using var db = Fixture.CreateDbContext();
        var member = await db.JuryPanelMembers.SingleAsync(Cancel);
        Assert.Equal((user.Id, JuryMemberStatus.Active, jury.ProcessId), (member.UserId, member.Status, member.ProcessId));
    }

    [Fact]
    public async Task Reminders_go_out_halfway_and_at_the_deadline_replacements_keep_the_quotas()
    {
        var jury = await JuryScenario.CreateAsync(Fixture);
        await jury.DrawnAsync(poolSize: 40);
        await jury.Officer.PostAsync(new Uri(jury.Url("/invitations"), UriKind.Relative), null, Cancel);
        var links = await LinksAsync();
        using var anonymous = Fixture.CreateClient();
        var answers = links.Values.Take(3).Select((link, i) => anonymous.PostAsJsonAsync($"/api/juries/invitations/{link["/juries/invitations/".Length..]}", new { accept = i == 0 }, Cancel));
        Assert.All(await Task.WhenAll(answers), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        Fixture.Clock.Advance(TimeSpan.FromDays(4));
        await RunJobAsync();
        await using (var db = Fixture.CreateDbContext())
        {
            Assert.Equal(3, await db.JuryInvitations.CountAsync(i => i.RemindedAt != null, Cancel));
            Assert.Equal(3, await db.OutboxEmails.CountAsync(e => e.Subject.StartsWith("Reminder"), Cancel));
        }

        Fixture.Clock.Advance(TimeSpan.FromDays(3).Add(TimeSpan.FromMinutes(1)));
        await RunJobAsync();
        await RunJobAsync();
        await using (var db = Fixture.CreateDbContext())
        {
            var invitations = await db.JuryInvitations.ToListAsync(Cancel);
            Assert.Equal(3, invitations.Count(i => i.Status == JuryInvitationStatus.Lapsed));
            Assert.Equal(2, invitations.Count(i => i.Status == JuryInvitationStatus.Declined));
            Assert.Equal(5, invitations.Count(i => i.Replaced));
            var replacements = invitations.Where(i => i.Round == 1).ToList();
            Assert.Equal(5, replacements.Count);
            Assert.All(replacements, i => Assert.Equal(JuryInvitationStatus.Pending, i.Status));
            Assert.All(replacements, i => Assert.Equal(Fixture.Clock.GetUtcNow().AddDays(7), i.DeadlineAt));

            var panelIds = invitations.Where(i => i.Status is JuryInvitationStatus.Confirmed or JuryInvitationStatus.Pending).Select(i => i.VolunteerId).ToList();
            Assert.Equal(6, panelIds.Count);
            var features = (await db.JuryVolunteers.Where(v => panelIds.Contains(v.Id)).Select(v => v.Features).ToListAsync(Cancel))
                .Select(f => JsonSerializer.Deserialize<Dictionary<string, string>>(f)!).ToList();
            Assert.Equal(3, features.Count(f => f["gender"] == "Female"));
            Assert.Equal(3, features.Count(f => f["age"] == "16-39"));
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "DrawReplacements", Cancel));
        }
    }

    [Fact]
    public async Task The_invitation_page_shows_the_remit_and_the_deadline_and_records_the_answer()
    {
        var jury = await JuryScenario.CreateAsync(Fixture);
        await jury.DrawnAsync();
        await jury.Officer.PostAsync(new Uri(jury.Url("/invitations"), UriKind.Relative), null, Cancel);
        var links = (await LinksAsync()).Values.ToList();
        using var person = Fixture.CreateClient();
        var page = await person.GetStringAsync(links[0], Cancel);
        Assert.Contains("How should the council cut air pollution around schools?", page, StringComparison.Ordinal);
        Assert.Contains("9 November 2026", page, StringComparison.Ordinal);

        var declined = await BrowserSession.SubmitFormAsync(person, links[0], "answer", new Dictionary<string, string> { ["accept"] = "false" });
        Assert.Contains("data-testid=\"answered\"", await declined.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(1, await db.JuryInvitations.CountAsync(i => i.Status == JuryInvitationStatus.Declined, Cancel));
        Assert.Equal(0, await db.JuryPanelMembers.CountAsync(Cancel));
        Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync("/juries/invitations/not-a-token", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Officers_seat_vertical_slice_members_directly()
    {
        var jury = await JuryScenario.CreateAsync(Fixture);
        var added = await jury.Officer.PostAsJsonAsync(jury.Url("/members"), new
        {
            email = "head.teacher@school.example", displayName = "Head teacher", playerLevel = "Manager",
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var bad = await jury.Officer.PostAsJsonAsync(jury.Url("/members"), new { email = "x", displayName = "", playerLevel = "Manager" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var panel = await jury.Officer.GetFromJsonAsync<JsonElement>(jury.Url("/members"), Cancel);
        Assert.Equal("Manager", panel[0].GetProperty("playerLevel").GetString());
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "AddPanelMember", Cancel));
    }

    private async Task RunJobAsync()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<JuryInvitationDeadlinesJob>().RunAsync(Cancel);
    }

    /// <summary>The invitation link in each selection e-mail, by recipient.</summary>
    private async Task<Dictionary<string, string>> LinksAsync()
    {
        await using var db = Fixture.CreateDbContext();
        var mails = await db.OutboxEmails.Where(e => e.Subject.StartsWith("You have been selected")).ToListAsync(Cancel);
        return mails.ToDictionary(m => m.To, m => BrowserSession.LinkIn(m.TextBody, "/juries/invitations/"), StringComparer.Ordinal);
    }
}
