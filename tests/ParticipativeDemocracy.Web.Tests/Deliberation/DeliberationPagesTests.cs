using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParticipativeDemocracy.Web.Tests.Infrastructure;
using static ParticipativeDemocracy.Web.Tests.Deliberation.RecommendationTests;

namespace ParticipativeDemocracy.Web.Tests.Deliberation;

public sealed class DeliberationPagesTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Room_page_is_rendered_on_the_server_with_the_queue_and_agenda()
    {
        var jury = await JuryScenario.CreateAsync(Fixture, "Aisha");
        var facilitator = await jury.FacilitatorAsync();
        var (sessionId, _) = await jury.CreateSessionAsync(facilitator);
        var aisha = await jury.MemberAsync("Aisha");
        await Expect(HttpStatusCode.NoContent, facilitator.Http.PostAsJsonAsync($"/api/juries/sessions/{sessionId}/control", new { action = "Start" }, Cancel));
        await Expect(HttpStatusCode.NoContent, aisha.Http.PostAsJsonAsync($"/api/juries/sessions/{sessionId}/hand", new { raised = true }, Cancel));

        var page = await aisha.Http.GetStringAsync($"/juries/{JuryScenario.Slug}/room", Cancel);
        Assert.Contains($"data-jury-room=\"{sessionId}\"", page, StringComparison.Ordinal);
        Assert.Contains("Raise my hand", page, StringComparison.Ordinal);
        Assert.Contains("<li>Aisha</li>", page, StringComparison.Ordinal);
        Assert.Contains("Evidence from the head teacher", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Facilitator controls", page, StringComparison.Ordinal);
        var facilitatorPage = await facilitator.Http.GetStringAsync($"/juries/{JuryScenario.Slug}/room", Cancel);
        Assert.Contains("Facilitator controls", facilitatorPage, StringComparison.Ordinal);
        var outsider = await jury.ResidentAsync("outsider@residents.example");
        var refused = await outsider.Http.GetAsync($"/juries/{JuryScenario.Slug}/room", Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Round_page_takes_a_contribution_and_refuses_one_after_the_deadline_with_a_clear_message()
    {
        var jury = await JuryScenario.CreateAsync(Fixture, "Aisha");
        var facilitator = await jury.FacilitatorAsync();
        var opened = await facilitator.Http.PostAsJsonAsync(jury.Api("rounds"), new { question = "Close the street?", closesAt = Fixture.Clock.GetUtcNow().AddHours(1) }, Cancel);
        var roundId = (await opened.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var aisha = await jury.MemberAsync("Aisha");
        var url = $"/juries/{JuryScenario.Slug}/rounds/{roundId}";

        var posted = await BrowserSession.SubmitFormAsync(aisha.Http, url, "contribute", new Dictionary<string, string> { ["stance"] = "Agree", ["text"] = "Safer for children." });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Safer for children.", await posted.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var page = await aisha.Http.GetStringAsync(url, Cancel);
        Fixture.Clock.Advance(TimeSpan.FromMinutes(61));
        var late = await PostWithTokenFromAsync(aisha.Http, url, page);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("This round has closed", await late.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostWithTokenFromAsync(HttpClient client, string url, string page)
    {
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "contribute", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["stance"] = "Disagree", ["text"] = "Late.",
        });
        return await client.PostAsync(url, form, Cancel);
    }
}
