using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using ParticipativeDemocracy.Web.Realtime;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Deliberation;

public sealed class JuryRoomTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Two_members_raising_a_hand_at_once_see_the_same_queue_on_every_client()
    {
        var jury = await JuryScenario.CreateAsync(Fixture, "Aisha", "Bryn", "Ceri");
        var facilitator = await jury.FacilitatorAsync();
        var (sessionId, _) = await jury.CreateSessionAsync(facilitator);
        await using var fHub = await facilitator.ConnectAsync(Cancel);
        var aisha = await jury.MemberAsync("Aisha");
        var bryn = await jury.MemberAsync("Bryn");
        var ceri = await jury.MemberAsync("Ceri");
        await using var aHub = await aisha.ConnectAsync(Cancel);
        await using var bHub = await bryn.ConnectAsync(Cancel);
        await using var cHub = await ceri.ConnectAsync(Cancel);
        var watchers = new[]
        {
            await RoomWatcher.JoinAsync(fHub, sessionId, Cancel), await RoomWatcher.JoinAsync(aHub, sessionId, Cancel),
            await RoomWatcher.JoinAsync(bHub, sessionId, Cancel), await RoomWatcher.JoinAsync(cHub, sessionId, Cancel),
        };
        await fHub.InvokeAsync(nameof(JuryHub.StartSession), sessionId, Cancel);

        await Task.WhenAll(
            aHub.InvokeAsync(nameof(JuryHub.RaiseHand), sessionId, Cancel),
            bHub.InvokeAsync(nameof(JuryHub.RaiseHand), sessionId, Cancel),
            aHub.InvokeAsync(nameof(JuryHub.RaiseHand), sessionId, Cancel));

        var seen = await Task.WhenAll(watchers.Select(w => w.WaitForAsync(r => r.Queue.Count == 2 && r.Present.Count == 4, Cancel)));
        var order = seen[0].Queue.Select(q => q.Name).ToList();
        Assert.Equal(new[] { "Aisha", "Bryn" }, order.Order(StringComparer.Ordinal));
        Assert.All(seen, room => Assert.Equal(order, room.Queue.Select(q => q.Name)));

        Fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        await fHub.InvokeAsync(nameof(JuryHub.GiveFloor), sessionId, (Guid?)null, Cancel);
        var floor = await Task.WhenAll(watchers.Select(w => w.WaitForAsync(r => r.Speaker is not null, Cancel)));
        Assert.All(floor, room =>
        {
            Assert.Equal(order[0], room.Speaker!.Name);
            Assert.Equal(Fixture.Clock.GetUtcNow(), room.Speaker.Since);
            Assert.Equal(120, room.SpeakerLimitSeconds);
            Assert.Equal(new[] { order[1] }, room.Queue.Select(q => q.Name));
        });
        Assert.Single(floor.Select(r => r.Version).Distinct());
    }

    [Fact]
    public async Task Many_hands_raised_at_once_each_get_exactly_one_place()
    {
        var names = Enumerable.Range(1, 8).Select(i => $"Juror{i}").ToArray();
        var jury = await JuryScenario.CreateAsync(Fixture, names);
        var facilitator = await jury.FacilitatorAsync();
        var (sessionId, _) = await jury.CreateSessionAsync(facilitator);
        Assert.Equal(HttpStatusCode.NoContent, (await facilitator.Http.PostAsJsonAsync($"/api/juries/sessions/{sessionId}/control", new { action = "Start" }, Cancel)).StatusCode);
        var members = await Task.WhenAll(names.Select(jury.MemberAsync));

        var raised = await Task.WhenAll(members.SelectMany(m => new[] { m, m }).Select(m =>
            m.Http.PostAsJsonAsync($"/api/juries/sessions/{sessionId}/hand", new { raised = true }, Cancel)));

        Assert.All(raised, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        var room = await facilitator.Http.GetFromJsonAsync<JsonElement>($"/api/juries/sessions/{sessionId}/room", Cancel);
        var queue = room.GetProperty("queue").EnumerateArray().Select(q => q.GetProperty("name").GetString()).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), queue.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Only_active_panel_members_and_facilitators_may_join_the_room()
    {
        var jury = await JuryScenario.CreateAsync(Fixture, "Aisha");
        await jury.AddMemberAsync("Dewi", Data.Entities.Juries.JuryMemberStatus.Withdrawn);
        var facilitator = await jury.FacilitatorAsync();
        var (sessionId, _) = await jury.CreateSessionAsync(facilitator);
        var resident = await jury.ResidentAsync("curious@residents.example");
        var withdrawn = await jury.MemberAsync("Dewi");

        await using var rHub = await resident.ConnectAsync(Cancel);
        var refused = await Assert.ThrowsAsync<HubException>(() => rHub.InvokeAsync<object>(nameof(JuryHub.JoinRoom), sessionId, Cancel));
        Assert.Contains("Only active members", refused.Message, StringComparison.Ordinal);
        await using var wHub = await withdrawn.ConnectAsync(Cancel);
        await Assert.ThrowsAsync<HubException>(() => wHub.InvokeAsync<object>(nameof(JuryHub.JoinRoom), sessionId, Cancel));
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.Http.GetAsync($"/api/juries/sessions/{sessionId}/room", Cancel)).StatusCode);

        var anonymous = Fixture.CreateClient();
        var negotiate = await anonymous.PostAsync($"{JuryHub.Path}/negotiate?negotiateVersion=1", null, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }

    [Fact]
    public async Task Member_cannot_use_facilitator_controls_and_a_planned_session_takes_no_hands()
    {
        var jury = await JuryScenario.CreateAsync(Fixture, "Aisha");
        var facilitator = await jury.FacilitatorAsync();
        var (sessionId, _) = await jury.CreateSessionAsync(facilitator);
        var aisha = await jury.MemberAsync("Aisha");

        var early = await aisha.Http.PostAsJsonAsync($"/api/juries/sessions/{sessionId}/hand", new { raised = true }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("not running", await early.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await aisha.Http.PostAsJsonAsync($"/api/juries/sessions/{sessionId}/control", new { action = "Start" }, Cancel)).StatusCode);
        await using var hub = await aisha.ConnectAsync(Cancel);
        await RoomWatcher.JoinAsync(hub, sessionId, Cancel);
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync(nameof(JuryHub.StartSession), sessionId, Cancel));
    }

    [Fact]
    public async Task Presence_follows_connections()
    {
        var jury = await JuryScenario.CreateAsync(Fixture, "Aisha");
        var facilitator = await jury.FacilitatorAsync();
        var (sessionId, _) = await jury.CreateSessionAsync(facilitator);
        await using var fHub = await facilitator.ConnectAsync(Cancel);
        var watcher = await RoomWatcher.JoinAsync(fHub, sessionId, Cancel);
        var aHub = await (await jury.MemberAsync("Aisha")).ConnectAsync(Cancel);
        await RoomWatcher.JoinAsync(aHub, sessionId, Cancel);

        var both = await watcher.WaitForAsync(r => r.Present.Count == 2, Cancel);
        Assert.Contains(both.Present, p => p is { Name: "Aisha", IsFacilitator: false });
        await aHub.DisposeAsync();
        var alone = await watcher.WaitForAsync(r => r.Present.Count == 1, Cancel);
        Assert.True(alone.Present.Single().IsFacilitator);
    }

    [Fact]
    public async Task Everything_decided_in_the_room_is_kept_as_the_session_record()
    {
        var jury = await JuryScenario.CreateAsync(Fixture, "Aisha", "Bryn");
        var facilitator = await jury.FacilitatorAsync();
        var (sessionId, agenda) = await jury.CreateSessionAsync(facilitator);
        var aisha = await jury.MemberAsync("Aisha");
        var bryn = await jury.MemberAsync("Bryn");
        var control = $"/api/juries/sessions/{sessionId}/control";
        await Ok(facilitator.Http.PostAsJsonAsync(control, new { action = "Start" }, Cancel));
        await Ok(aisha.Http.PostAsJsonAsync($"/api/juries/sessions/{sessionId}/hand", new { raised = true }, Cancel));
        await Ok(facilitator.Http.PostAsJsonAsync(control, new { action = "GiveFloor" }, Cancel));
        Fixture.Clock.Advance(TimeSpan.FromSeconds(95));
        await Ok(facilitator.Http.PostAsJsonAsync(control, new { action = "EndFloor" }, Cancel));
        await Ok(facilitator.Http.PostAsJsonAsync(control, new { action = "MoveAgenda", agendaItemId = agenda[1] }, Cancel));
        var poll = await facilitator.Http.PostAsJsonAsync($"/api/juries/sessions/{sessionId}/polls",
            new { question = "Close the street at drop-off?", options = new[] { "Yes", "No", "Not sure" } }, Cancel);
        Assert.Equal(HttpStatusCode.Created, poll.StatusCode);
        var pollId = (await poll.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        await Ok(aisha.Http.PostAsJsonAsync($"/api/juries/polls/{pollId}/votes", new { option = 1 }, Cancel));
        await Ok(aisha.Http.PostAsJsonAsync($"/api/juries/polls/{pollId}/votes", new { option = 0 }, Cancel));
        await Ok(bryn.Http.PostAsJsonAsync($"/api/juries/polls/{pollId}/votes", new { option = 0 }, Cancel));
        var bad = await bryn.Http.PostAsJsonAsync($"/api/juries/polls/{pollId}/votes", new { option = 7 }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"option\"", await bad.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await Ok(facilitator.Http.PostAsJsonAsync(control, new { action = "ClosePoll" }, Cancel));
        var late = await bryn.Http.PostAsJsonAsync($"/api/juries/polls/{pollId}/votes", new { option = 1 }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        await Ok(facilitator.Http.PostAsJsonAsync(control, new { action = "End" }, Cancel));

        var record = await aisha.Http.GetFromJsonAsync<JsonElement>($"/api/juries/sessions/{sessionId}/record", Cancel);
        var texts = record.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("text").GetString()).ToList();
        Assert.Equal(
        new[]
        {
            "Session started",
            "Floor given to Aisha",
            "Aisha spoke for 1:35",
            "Agenda moved to 2. Evidence from the head teacher",
            "Straw poll opened: Close the street at drop-off? (Yes, No, Not sure)",
            "Straw poll closed: Close the street at drop-off? — Yes 2, No 0, Not sure 0",
            "Session ended",
        }, texts);
    }

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
