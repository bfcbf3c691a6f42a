using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using ParticipativeDemocracy.Web.Features.Deliberation;
using ParticipativeDemocracy.Web.Realtime;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Deliberation;

public sealed class RecommendationTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    private static readonly string[] Panel = ["Aisha", "Bryn", "Ceri", "Dewi", "Efa"];

    [Fact]
    public async Task Adopted_recommendations_form_the_report_and_the_tally_is_live()
    {
        var jury = await JuryScenario.CreateAsync(Fixture, Panel);
        var facilitator = await jury.FacilitatorAsync();
        var members = await Task.WhenAll(Panel.Select(jury.MemberAsync));
        var closeStreets = await DraftAsync(jury, members[0], "Close streets at drop-off", "Close the street by each school for 30 minutes.");
        var moreBuses = await DraftAsync(jury, members[1], "More buses", "Run a school bus from each estate.");
        var (sessionId, _) = await jury.CreateSessionAsync(facilitator);
        await using var hub = await facilitator.ConnectAsync(Cancel);
        await hub.InvokeAsync<RoomView>(nameof(JuryHub.JoinRoom), sessionId, Cancel);
        var tallies = new List<RecommendationTallyView>();
        var allVotes = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<RecommendationTallyView>(nameof(IJuryClient.RecommendationTally), t =>
        {
            lock (tallies)
            {
                tallies.Add(t);
                if (t.RecommendationId == closeStreets && t.Support + t.Oppose == 5)
                {
                    allVotes.TrySetResult();
                }
            }
        });

        await Expect(HttpStatusCode.NoContent, facilitator.Http.PostAsJsonAsync($"/api/juries/recommendations/{closeStreets}/vote/open", new { thresholdPercent = 80 }, Cancel));
        await Expect(HttpStatusCode.NoContent, facilitator.Http.PostAsJsonAsync($"/api/juries/recommendations/{moreBuses}/vote/open", new { }, Cancel));
        await Task.WhenAll(members.Select((m, i) => Vote(m, closeStreets, i == 4 ? "Oppose" : "Support")));
        await Task.WhenAll(members.Select((m, i) => Vote(m, moreBuses, i < 3 ? "Support" : "Oppose")));
        await allVotes.Task.WaitAsync(TimeSpan.FromSeconds(30), Cancel);

        var live = await members[2].Http.GetFromJsonAsync<RecommendationTallyView>($"/api/juries/recommendations/{closeStreets}/tally", Cancel);
        Assert.Equal((4, 1, 5, 80), (live!.Support, live.Oppose, live.Members, live.ThresholdPercent));
        var adopted = await Close(facilitator, closeStreets);
        var rejected = await Close(facilitator, moreBuses);
        Assert.Equal("Adopted", adopted.GetProperty("status").GetString());
        Assert.Equal("NotAdopted", rejected.GetProperty("status").GetString());
        await Expect(HttpStatusCode.Conflict, Vote(members[4], closeStreets, "Support"));

        var report = await Fixture.CreateClient().GetFromJsonAsync<JsonElement>($"/api/juries/{JuryScenario.Slug}/report", Cancel);
        var items = report.GetProperty("recommendations").EnumerateArray().ToList();
        Assert.Equal("Close streets at drop-off", Assert.Single(items).GetProperty("title").GetString());
        Assert.Equal(80, items[0].GetProperty("supportPercent").GetInt32());
        var markdown = await Fixture.CreateClient().GetStringAsync($"/api/juries/{JuryScenario.Slug}/report.md", Cancel);
        Assert.Contains("## R01. Close streets at drop-off", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("More buses", markdown, StringComparison.Ordinal);
        var csv = await Fixture.CreateClient().GetStringAsync($"/api/juries/{JuryScenario.Slug}/report.csv", Cancel);
        Assert.Contains("\"R01\",\"Close streets at drop-off\"", csv, StringComparison.Ordinal);
        var page = await Fixture.CreateClient().GetStringAsync($"/juries/{JuryScenario.Slug}/report", Cancel);
        Assert.Contains("Close streets at drop-off", page, StringComparison.Ordinal);
        Assert.DoesNotContain("More buses", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Votes_are_refused_before_opening_and_thresholds_are_checked()
    {
        var jury = await JuryScenario.CreateAsync(Fixture, "Aisha");
        var facilitator = await jury.FacilitatorAsync();
        var aisha = await jury.MemberAsync("Aisha");
        var id = await DraftAsync(jury, aisha, "Idea", "Text");

        await Expect(HttpStatusCode.Conflict, Vote(aisha, id, "Support"));
        var bad = await facilitator.Http.PostAsJsonAsync($"/api/juries/recommendations/{id}/vote/open", new { thresholdPercent = 30 }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"thresholdPercent\"", await bad.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await Expect(HttpStatusCode.Forbidden, aisha.Http.PostAsJsonAsync($"/api/juries/recommendations/{id}/vote/open", new { }, Cancel));
        var outsider = await jury.ResidentAsync("outsider@residents.example");
        await Expect(HttpStatusCode.Forbidden, outsider.Http.PostAsJsonAsync(jury.Api("recommendations"), new { title = "Mine", text = "Mine" }, Cancel));
        var blank = await aisha.Http.PostAsJsonAsync(jury.Api("recommendations"), new { title = "", text = "x" }, Cancel);
        Assert.Contains("\"title\"", await blank.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, 1, 0, 80, true)]
    [InlineData(3, 1, 1, 80, false)]
    [InlineData(0, 0, 0, 50, false)]
    [InlineData(1, 1, 0, 50, true)]
    public void Threshold_counts_support_among_all_votes_cast(int support, int oppose, int abstain, int threshold, bool adopted) =>
        Assert.Equal(adopted, RecommendationVoting.Reaches(support, oppose, abstain, threshold));

    internal static async Task<Guid> DraftAsync(JuryScenario jury, Person member, string title, string text)
    {
        var response = await member.Http.PostAsJsonAsync(jury.Api("recommendations"), new { title, text }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    internal static Task<HttpResponseMessage> Vote(Person member, Guid id, string choice) =>
        member.Http.PostAsJsonAsync($"/api/juries/recommendations/{id}/votes", new { choice }, Cancel);

    internal static async Task<JsonElement> Close(Person facilitator, Guid id)
    {
        var response = await facilitator.Http.PostAsync($"/api/juries/recommendations/{id}/vote/close", null, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    internal static async Task Expect(HttpStatusCode status, Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
