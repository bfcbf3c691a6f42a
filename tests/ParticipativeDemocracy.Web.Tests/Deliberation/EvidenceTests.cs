using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ParticipativeDemocracy.Web.Tests.Infrastructure;
using static ParticipativeDemocracy.Web.Tests.Deliberation.RecommendationTests;

namespace ParticipativeDemocracy.Web.Tests.Deliberation;

public sealed class EvidenceTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Library_holds_documents_links_and_statements_and_jurors_question_witnesses()
    {
        var jury = await JuryScenario.CreateAsync(Fixture, "Aisha");
        var facilitator = await jury.FacilitatorAsync();
        var aisha = await jury.MemberAsync("Aisha");
        await Expect(HttpStatusCode.Created, facilitator.Http.PostAsJsonAsync(jury.Api("evidence"),
            new { kind = "Link", title = "Air quality map", url = "https://example.org/air" }, Cancel));
        await Expect(HttpStatusCode.Created, facilitator.Http.PostAsJsonAsync(jury.Api("evidence"),
            new { kind = "WitnessStatement", title = "Head teacher", witnessName = "Ms Jones", statement = "Parents park on the pavement." }, Cancel));
        var pdf = "%PDF-1.4 evidence"u8.ToArray();
        using var body = new ByteArrayContent(pdf);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var uploaded = await facilitator.Http.PostAsync(jury.Api("evidence/documents?title=Traffic%20survey&fileName=survey.pdf"), body, Cancel);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var asked = await aisha.Http.PostAsJsonAsync(jury.Api("questions"), new { witnessName = "Ms Jones", question = "How many children walk?" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var questionId = (await asked.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        await Expect(HttpStatusCode.NoContent, facilitator.Http.PutAsJsonAsync($"/api/juries/questions/{questionId}/answer", new { answer = "About 40%." }, Cancel));

        var library = await Fixture.CreateClient().GetFromJsonAsync<JsonElement>(jury.Api("evidence"), Cancel);
        var evidence = library.GetProperty("evidence").EnumerateArray().ToList();
        Assert.Equal(new[] { "Air quality map", "Head teacher", "Traffic survey" }, evidence.Select(e => e.GetProperty("title").GetString()));
        var question = Assert.Single(library.GetProperty("questions").EnumerateArray());
        Assert.Equal("About 40%.", question.GetProperty("answer").GetString());
        Assert.Equal("Aisha", question.GetProperty("askedBy").GetString());
        var file = await Fixture.CreateClient().GetAsync(uploaded.Headers.Location, Cancel);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await file.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task Evidence_is_checked_and_only_facilitators_add_it()
    {
        var jury = await JuryScenario.CreateAsync(Fixture, "Aisha");
        var facilitator = await jury.FacilitatorAsync();
        var aisha = await jury.MemberAsync("Aisha");

        var badLink = await facilitator.Http.PostAsJsonAsync(jury.Api("evidence"), new { kind = "Link", title = "Map", url = "javascript:alert(1)" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, badLink.StatusCode);
        Assert.Contains("\"url\"", await badLink.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        using var empty = new ByteArrayContent([]);
        var emptyFile = await facilitator.Http.PostAsync(jury.Api("evidence/documents?title=Empty&fileName=e.pdf"), empty, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, emptyFile.StatusCode);
        await Expect(HttpStatusCode.Forbidden, aisha.Http.PostAsJsonAsync(jury.Api("evidence"), new { kind = "Link", title = "Mine", url = "https://example.org" }, Cancel));
        var outsider = await jury.ResidentAsync("outsider@residents.example");
        await Expect(HttpStatusCode.Forbidden, outsider.Http.PostAsJsonAsync(jury.Api("questions"), new { witnessName = "Ms Jones", question = "Why?" }, Cancel));
    }
}
