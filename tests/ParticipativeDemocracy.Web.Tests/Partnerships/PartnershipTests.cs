using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Partnerships;

public sealed class PartnershipTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Composition_shows_the_four_levels_and_flags_a_horizontal_only_partnership()
    {
        var scenario = await PartnershipScenario.CreateAsync(Fixture);
        var added = await scenario.Officer.PostAsJsonAsync(scenario.Url("/members"),
            new { name = "Ann", email = "ann@members.example", level = "Citizen" }, Cancel);
        await scenario.Officer.PostAsJsonAsync(scenario.Url("/members"), new { name = "Ali", email = "ali@members.example", level = "CommunityActivist" }, Cancel);
        var composition = (await added.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("composition");
        Assert.True(composition.GetProperty("horizontalOnly").GetBoolean());

        using var anonymous = Fixture.CreateClient();
        var page = await anonymous.GetFromJsonAsync<JsonElement>(scenario.Url(), Cancel);
        var levels = page.GetProperty("composition").GetProperty("levels").EnumerateArray()
            .ToDictionary(l => l.GetProperty("level").GetString()!, l => l.GetProperty("members").GetInt32());
        Assert.Equal(2, levels["Residents"]);
        Assert.Equal(0, levels["PolicyMakers"]);
        Assert.Equal(["FrontLineWorkers", "Managers", "PolicyMakers"], page.GetProperty("composition").GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(6, page.GetProperty("statements").GetArrayLength());

        foreach (var (name, level) in new[] { ("Pat", "FrontLineWorker"), ("Mo", "Manager"), ("Cllr Jones", "PolicyMaker") })
        {
            await scenario.Officer.PostAsJsonAsync(scenario.Url("/members"), new { name, email = $"{name.Length}{level}@members.example", level }, Cancel);
        }

        page = await anonymous.GetFromJsonAsync<JsonElement>(scenario.Url(), Cancel);
        Assert.False(page.GetProperty("composition").GetProperty("horizontalOnly").GetBoolean());

        var duplicate = await scenario.Officer.PostAsJsonAsync(scenario.Url("/members"), new { name = "Ann again", email = "ANN@members.example", level = "Manager" }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var bad = await scenario.Officer.PostAsJsonAsync(scenario.Url("/members"), new { name = "", email = "not-an-address", level = "Citizen" }, Cancel);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _) && errors.TryGetProperty("email", out _));
    }

    [Fact]
    public async Task Meetings_minutes_and_actions_are_public_and_followers_get_each_update()
    {
        var scenario = await PartnershipScenario.CreateAsync(Fixture);
        await Fixture.CreateUserAsync("follower@residents.example", PartnershipScenario.Password, "Resident");
        using var follower = await BrowserSession.SignedInClientAsync(Fixture, "follower@residents.example", PartnershipScenario.Password);
        Assert.Equal(HttpStatusCode.OK, (await follower.PostAsync(scenario.Url("/followers"), null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await follower.PostAsync(scenario.Url("/followers"), null, Cancel)).StatusCode);

        var meeting = await scenario.Officer.PostAsJsonAsync(scenario.Url("/meetings"),
            new { title = "March meeting", heldAt = PlatformFixture.Start.AddDays(3), agenda = "1. Lighting on the river path" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, meeting.StatusCode);
        var meetingId = (await meeting.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var minutes = await scenario.Officer.PutAsJsonAsync(scenario.Url($"/meetings/{meetingId}/minutes"),
            new { minutes = "Everyone agreed the path is too dark.", decisions = new[] { "Ask the council to light the river path" } }, Cancel);
        Assert.Equal(1, (await minutes.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("followersTold").GetInt32());
        var action = await scenario.Officer.PostAsJsonAsync(scenario.Url("/actions"),
            new { title = "Survey the lighting", owner = "Pat (street lighting)", dueOn = "2026-12-01", meetingId }, Cancel);
        var actionId = (await action.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var dropped = await scenario.Officer.PutAsJsonAsync(scenario.Url($"/actions/{actionId}"), new { status = "Dropped" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, dropped.StatusCode);
        var done = await scenario.Officer.PutAsJsonAsync(scenario.Url($"/actions/{actionId}"), new { status = "Done", note = "Survey published." }, Cancel);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        using var anonymous = Fixture.CreateClient();
        var page = await anonymous.GetFromJsonAsync<JsonElement>(scenario.Url(), Cancel);
        Assert.Equal("Ask the council to light the river path", page.GetProperty("meetings")[0].GetProperty("decisions")[0].GetString());
        Assert.Equal("Done", page.GetProperty("actions")[0].GetProperty("status").GetString());
        Assert.Equal(1, page.GetProperty("followers").GetInt32());
        using var resident = Fixture.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await resident.PostAsJsonAsync(scenario.Url("/actions"), new { title = "x", owner = "y", dueOn = "2026-12-01" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await follower.PostAsJsonAsync(scenario.Url("/actions"), new { title = "x", owner = "y", dueOn = "2026-12-01" }, Cancel)).StatusCode);

        await using var db = Fixture.CreateDbContext();
        // The test clock stands still, so the three mails share one timestamp: match them by content, not order.
        var mails = await db.OutboxEmails.Where(e => e.To == "follower@residents.example").ToListAsync(Cancel);
        Assert.Equal(3, mails.Count);
        Assert.Single(mails, m => m.TextBody.Contains("1. Lighting on the river path", StringComparison.Ordinal));
        Assert.Single(mails, m => m.TextBody.Contains("Ask the council to light the river path", StringComparison.Ordinal));
        Assert.Single(mails, m => m.TextBody.Contains("Survey published.", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await follower.DeleteAsync(scenario.Url("/followers"), Cancel)).StatusCode);
        await scenario.Officer.PutAsJsonAsync(scenario.Url($"/actions/{actionId}"), new { status = "InProgress" }, Cancel);
        Assert.Equal(3, await db.OutboxEmails.CountAsync(e => e.To == "follower@residents.example", Cancel));
    }
}
