using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Features.Deliberation;
using ParticipativeDemocracy.Web.Jobs;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Deliberation;

public sealed class RoundTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Round_closes_at_its_deadline_exactly_once_and_mails_every_member_a_summary()
    {
        var jury = await JuryScenario.CreateAsync(Fixture, "Aisha", "Bryn", "Ceri");
        var facilitator = await jury.FacilitatorAsync();
        var roundId = await OpenRoundAsync(jury, facilitator, TimeSpan.FromHours(2));
        var aisha = await jury.MemberAsync("Aisha");
        var bryn = await jury.MemberAsync("Bryn");
        Assert.Equal(HttpStatusCode.Created, (await Contribute(aisha, roundId, "Agree", "Children walk more when the street is closed.")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Contribute(bryn, roundId, "Unsure", "Deliveries need a window.")).StatusCode);

        Assert.Equal(0, await RunJobAsync());
        Fixture.Clock.Advance(TimeSpan.FromHours(2));
        var closed = await Task.WhenAll(RunJobAsync(), RunJobAsync(), RunJobAsync());
        Assert.Equal(1, closed.Sum());
        Assert.Equal(0, await RunJobAsync());

        var late = await Contribute(aisha, roundId, "Disagree", "Changed my mind.");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var problem = await late.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(PostContribution.ClosedMessage, problem.GetProperty("detail").GetString());
        var round = await bryn.Http.GetFromJsonAsync<JsonElement>($"/api/juries/rounds/{roundId}", Cancel);
        Assert.False(round.GetProperty("isOpen").GetBoolean());
        Assert.Equal(2, round.GetProperty("contributions").GetArrayLength());
        Assert.Equal(1, round.GetProperty("positions").GetProperty("Agree").GetInt32());

        await using var db = Fixture.CreateDbContext();
        var mails = await db.OutboxEmails.Where(e => e.Subject.StartsWith("Round closed")).ToListAsync(Cancel);
        Assert.Equal(new[] { "aisha@jurors.example", "bryn@jurors.example", "ceri@jurors.example" }, mails.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(mails, m => Assert.Contains("Aisha (Agree): Children walk more", m.TextBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Contribution_after_the_deadline_is_refused_even_before_the_job_runs()
    {
        var jury = await JuryScenario.CreateAsync(Fixture, "Aisha");
        var facilitator = await jury.FacilitatorAsync();
        var roundId = await OpenRoundAsync(jury, facilitator, TimeSpan.FromMinutes(30));
        var aisha = await jury.MemberAsync("Aisha");
        Fixture.Clock.Advance(TimeSpan.FromMinutes(31));

        var late = await Contribute(aisha, roundId, "Agree", "Too late?");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("application/problem+json", late.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Only_members_contribute_and_bad_input_names_the_field()
    {
        var jury = await JuryScenario.CreateAsync(Fixture, "Aisha");
        var facilitator = await jury.FacilitatorAsync();
        var roundId = await OpenRoundAsync(jury, facilitator, TimeSpan.FromHours(1));
        var resident = await jury.ResidentAsync("outsider@residents.example");
        var aisha = await jury.MemberAsync("Aisha");

        Assert.Equal(HttpStatusCode.Forbidden, (await Contribute(resident, roundId, "Agree", "Let me in")).StatusCode);
        var empty = await Contribute(aisha, roundId, "Agree", " ");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("\"text\"", await empty.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var past = await facilitator.Http.PostAsJsonAsync(jury.Api("rounds"), new { question = "Q?", closesAt = Fixture.Clock.GetUtcNow().AddMinutes(-1) }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("\"closesAt\"", await past.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await aisha.Http.PostAsJsonAsync(jury.Api("rounds"), new { question = "Mine?", closesAt = Fixture.Clock.GetUtcNow().AddHours(1) }, Cancel)).StatusCode);
    }

    private async Task<Guid> OpenRoundAsync(JuryScenario jury, Person facilitator, TimeSpan open)
    {
        var response = await facilitator.Http.PostAsJsonAsync(jury.Api("rounds"),
            new { question = "Should the street close at drop-off?", closesAt = Fixture.Clock.GetUtcNow() + open }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> Contribute(Person member, Guid roundId, string stance, string text) =>
        member.Http.PostAsJsonAsync($"/api/juries/rounds/{roundId}/contributions", new { stance, text }, Cancel);

    private async Task<int> RunJobAsync()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CloseDueRoundsJob>().RunAsync(Cancel);
    }
}
