using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Features.Deliberation;
using ParticipativeDemocracy.Web.Realtime;
using ParticipativeDemocracy.Web.Tests.Infrastructure;
using static ParticipativeDemocracy.Web.Tests.Deliberation.RecommendationTests;

namespace ParticipativeDemocracy.Web.Tests.Deliberation;

/// <summary>The deliberation side's pages: evidence and witness questions, the session record, the room without JavaScript, the live tally.</summary>
public sealed partial class DeliberationUiTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    private static readonly string EvidenceUrl = $"/juries/{JuryScenario.Slug}/evidence";

    [Fact]
    public async Task The_facilitator_adds_links_statements_and_documents_on_the_evidence_page_and_the_public_reads_them()
    {
        var jury = await JuryScenario.CreateAsync(Fixture, "Aisha");
        var facilitator = await jury.FacilitatorAsync();
        var added = await BrowserSession.SubmitFormAsync(facilitator.Http, EvidenceUrl, "evidence", new Dictionary<string, string>
        {
            ["kind"] = "Link", ["title"] = "Air quality map", ["url"] = "https://example.org/air",
        });
        Assert.Contains("data-testid=\"notice\"", await added.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await BrowserSession.SubmitFormAsync(facilitator.Http, EvidenceUrl, "evidence", new Dictionary<string, string>
        {
            ["kind"] = "WitnessStatement", ["title"] = "Head teacher", ["witnessName"] = "Ms Jones", ["statement"] = "Parents park on the pavement.",
        });
        var invalid = await BrowserSession.SubmitFormAsync(facilitator.Http, EvidenceUrl, "evidence", new Dictionary<string, string>
        {
            ["kind"] = "Link", ["title"] = "No address",
        });
        Assert.Contains("href=\"#url\"", await invalid.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var page = await facilitator.Http.GetStringAsync(EvidenceUrl, Cancel);
        using var upload = new MultipartFormDataContent
        {
            { new StringContent("evidence"), "_handler" },
            { new StringContent(WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent("Document"), "kind" },
            { new StringContent("Traffic survey"), "title" },
        };
        var pdf = new ByteArrayContent("%PDF-1.4 survey"u8.ToArray());
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        upload.Add(pdf, "file", "survey.pdf");
        Assert.Equal(HttpStatusCode.OK, (await facilitator.Http.PostAsync(EvidenceUrl, upload, Cancel)).StatusCode);

        using var anonymous = Fixture.CreateClient();
        var publicPage = await anonymous.GetStringAsync(EvidenceUrl, Cancel);
        Assert.Contains("href=\"https://example.org/air\"", publicPage, StringComparison.Ordinal);
        Assert.Contains("Parents park on the pavement.", publicPage, StringComparison.Ordinal);
        Assert.Contains("survey.pdf", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"statement\"", publicPage, StringComparison.Ordinal);
        var fileLink = Regex.Match(publicPage, "href=\"(/api/juries/evidence/[0-9a-f-]+/file)\"").Groups[1].Value;
        Assert.Equal("%PDF-1.4 survey"u8.ToArray(), await anonymous.GetByteArrayAsync(fileLink, Cancel));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/juries/no-such-jury/evidence", Cancel)).StatusCode);
        var report = await anonymous.GetStringAsync($"/juries/{JuryScenario.Slug}/report", Cancel);
        Assert.Contains($"href=\"{EvidenceUrl}\"", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jurors_ask_witnesses_on_the_evidence_page_and_the_facilitator_records_the_answer()
    {
        var jury = await JuryScenario.CreateAsync(Fixture, "Aisha");
        var facilitator = await jury.FacilitatorAsync();
        var aisha = await jury.MemberAsync("Aisha");
        var empty = await BrowserSession.SubmitFormAsync(aisha.Http, EvidenceUrl, "ask", new Dictionary<string, string> { ["askWitness"] = "Ms Jones" });
        Assert.Contains("href=\"#question\"", await empty.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var asked = await BrowserSession.SubmitFormAsync(aisha.Http, EvidenceUrl, "ask", new Dictionary<string, string>
        {
            ["askWitness"] = "Ms Jones", ["question"] = "How many children walk to school?",
        });
        var askedPage = await asked.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("How many children walk to school?", askedPage, StringComparison.Ordinal);
        Assert.Contains("Waiting for an answer", askedPage, StringComparison.Ordinal);

        await using (var db = Fixture.CreateDbContext())
        {
            var question = await db.WitnessQuestions.SingleAsync(Cancel);
            Assert.Equal(("Ms Jones", "Aisha"), (question.WitnessName, question.AskedByName));
            var answered = await BrowserSession.SubmitFormAsync(facilitator.Http, EvidenceUrl, $"answer-{question.Id:N}",
                new Dictionary<string, string> { [$"answer-{question.Id:N}"] = "About 40 per cent." });
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        var publicPage = await Fixture.CreateClient().GetStringAsync(EvidenceUrl, Cancel);
        Assert.Contains("About 40 per cent.", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"question\"", publicPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_record_page_shows_the_agenda_and_what_the_room_decided_to_insiders_only_in_their_language()
    {
        var jury = await JuryScenario.CreateAsync(Fixture, "Aisha");
        var facilitator = await jury.FacilitatorAsync();
        var (sessionId, _) = await jury.CreateSessionAsync(facilitator);
        var aisha = await jury.MemberAsync("Aisha");
        await Expect(HttpStatusCode.NoContent, facilitator.Http.PostAsJsonAsync($"/api/juries/sessions/{sessionId}/control", new { action = "Start" }, Cancel));
        await Expect(HttpStatusCode.NoContent, aisha.Http.PostAsJsonAsync($"/api/juries/sessions/{sessionId}/hand", new { raised = true }, Cancel));
        await Expect(HttpStatusCode.NoContent, facilitator.Http.PostAsJsonAsync($"/api/juries/sessions/{sessionId}/control", new { action = "GiveFloor" }, Cancel));
        await Expect(HttpStatusCode.Created, facilitator.Http.PostAsJsonAsync($"/api/juries/sessions/{sessionId}/polls",
            new { question = "Close the street?", options = new[] { "Yes", "No" } }, Cancel));
        await Expect(HttpStatusCode.NoContent, facilitator.Http.PostAsJsonAsync($"/api/juries/sessions/{sessionId}/control", new { action = "End" }, Cancel));

        var url = $"/juries/{JuryScenario.Slug}/sessions/{sessionId}";
        var page = WebUtility.HtmlDecode(await aisha.Http.GetStringAsync(url, Cancel));
        Assert.Contains("Evidence from the head teacher", page, StringComparison.Ordinal);
        Assert.Contains("Session started", page, StringComparison.Ordinal);
        Assert.Contains("Floor given to Aisha", page, StringComparison.Ordinal);
        Assert.Contains("Straw poll closed: Close the street? — Yes 0, No 0", page, StringComparison.Ordinal);
        var welsh = WebUtility.HtmlDecode(await aisha.Http.GetStringAsync($"{url}?culture=cy", Cancel));
        Assert.Contains("Dechreuodd y sesiwn", welsh, StringComparison.Ordinal);
        Assert.Contains("Rhoddwyd y llawr i Aisha", welsh, StringComparison.Ordinal);
        Assert.Contains("Siaradodd Aisha am 0:00", welsh, StringComparison.Ordinal);
        Assert.Contains("Caewyd arolwg cyflym: Close the street? — Yes 0, No 0", welsh, StringComparison.Ordinal);
        Assert.DoesNotContain("Session started", welsh, StringComparison.Ordinal);
        var deliberation = await aisha.Http.GetStringAsync($"/juries/{JuryScenario.Slug}/deliberation", Cancel);
        Assert.Contains($"href=\"{url}\"", deliberation, StringComparison.Ordinal);
        var outsider = await jury.ResidentAsync("outsider@residents.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.Http.GetAsync(url, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await aisha.Http.GetAsync($"/juries/{JuryScenario.Slug}/sessions/{Guid.NewGuid()}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_room_works_without_javascript_through_plain_form_posts()
    {
        var jury = await JuryScenario.CreateAsync(Fixture, "Aisha");
        var facilitator = await jury.FacilitatorAsync();
        var (sessionId, _) = await jury.CreateSessionAsync(facilitator);
        var aisha = await jury.MemberAsync("Aisha");
        var room = $"/juries/{JuryScenario.Slug}/room";

        var early = await BrowserSession.SubmitFormAsync(aisha.Http, room, "hand", new Dictionary<string, string> { ["hand"] = "raise" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("data-testid=\"room-error\">", await early.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await Post(facilitator, room, "control", new() { ["control"] = "StartSession" });
        await Post(aisha, room, "hand", new() { ["hand"] = "raise" });
        var queued = await facilitator.Http.GetStringAsync(room, Cancel);
        Assert.Contains($"name=\"userId\" value=\"{jury.MemberIds["Aisha"]}\"", queued, StringComparison.Ordinal);
        await Post(facilitator, room, "floor", new() { ["userId"] = jury.MemberIds["Aisha"].ToString() });
        await Post(facilitator, room, "control", new() { ["control"] = "NextAgenda" });
        await Post(facilitator, room, "poll", new() { ["question"] = "Close the street?", ["options"] = "Yes, No" });
        var voted = await Post(aisha, room, "vote", new() { ["option"] = "0" });
        Assert.Contains("Yes: 1", voted, StringComparison.Ordinal);
        // Members have no facilitator form on their page, so a forged post names a form that is not there.
        var refused = await BrowserSession.SubmitFormAsync(aisha.Http, room, "control", new Dictionary<string, string> { ["control"] = "EndSession" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var state = await facilitator.Http.GetFromJsonAsync<RoomView>($"/api/juries/sessions/{sessionId}/room", Cancel);
        Assert.Equal(("Live", "Aisha", "Evidence from the head teacher"), (state!.Status, state.Speaker?.Name, state.Agenda.Single(a => a.IsCurrent).Title));
        Assert.Equal(1, state.Poll!.Votes);
    }

    [Fact]
    public async Task The_deliberation_page_renders_the_running_tally_and_the_hub_pushes_it_to_watchers()
    {
        var jury = await JuryScenario.CreateAsync(Fixture, "Aisha", "Bryn");
        var facilitator = await jury.FacilitatorAsync();
        var aisha = await jury.MemberAsync("Aisha");
        var bryn = await jury.MemberAsync("Bryn");
        var id = await DraftAsync(jury, aisha, "Close streets at drop-off", "Close the street by each school for 30 minutes.");
        await Expect(HttpStatusCode.NoContent, facilitator.Http.PostAsJsonAsync($"/api/juries/recommendations/{id}/vote/open", new { thresholdPercent = 80 }, Cancel));
        await Expect(HttpStatusCode.NoContent, Vote(aisha, id, "Support"));

        var page = await bryn.Http.GetStringAsync($"/juries/{JuryScenario.Slug}/deliberation", Cancel);
        Assert.Contains($"data-tally=\"{id}\"", page, StringComparison.Ordinal);
        Assert.Contains("<span data-count=\"support\">1</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span data-count=\"members\">2</span>", page, StringComparison.Ordinal);

        await using var hub = await bryn.ConnectAsync(Cancel);
        var pushed = new TaskCompletionSource<RecommendationTallyView>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<RecommendationTallyView>(nameof(IJuryClient.RecommendationTally), t =>
        {
            if (t.Oppose == 1)
            {
                pushed.TrySetResult(t);
            }
        });
        await hub.InvokeAsync(nameof(JuryHub.WatchJury), jury.ProcessId, Cancel);
        await Expect(HttpStatusCode.NoContent, Vote(bryn, id, "Oppose"));
        var tally = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(30), Cancel);
        Assert.Equal((1, 1, 2), (tally.Support, tally.Oppose, tally.Members));

        var outsider = await jury.ResidentAsync("outsider@residents.example");
        await using var outside = await outsider.ConnectAsync(Cancel);
        await Assert.ThrowsAsync<HubException>(() => outside.InvokeAsync(nameof(JuryHub.WatchJury), jury.ProcessId, Cancel));
    }

    private static async Task<string> Post(Person person, string url, string form, Dictionary<string, string> fields)
    {
        var response = await BrowserSession.SubmitFormAsync(person.Http, url, form, fields);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{form}: {response.StatusCode} {Regex.Match(body, "data-testid=\"room-error\">([^<]*)").Groups[1].Value}");
        return body;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
