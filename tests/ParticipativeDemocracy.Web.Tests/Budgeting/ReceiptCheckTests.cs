using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

public sealed class ReceiptCheckTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task A_voter_finds_their_last_ballot_by_its_receipt_once_voting_has_closed()
    {
        var scenario = await BudgetScenario.OpenAsync(Fixture, ("Playground", 60), ("Library", 50), ("Trees", 40));
        using var voter = await scenario.ResidentAsync("voter");
        var first = await ReceiptOfAsync(await scenario.VoteAsync(voter, "Playground"));
        var last = await ReceiptOfAsync(await scenario.VoteAsync(voter, "Library", "Trees"));
        using var anyone = Fixture.CreateClient();

        var early = await anyone.GetAsync(scenario.Url($"receipts/{last}"), Cancel);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("receipts-not-yet", await anyone.GetStringAsync($"/processes/{await SlugAsync()}/receipt?code={last}", Cancel));

        scenario.PassDeadline();
        Assert.Equal(1, await scenario.RunCloseJobAsync());

        // Typed as people copy it: lower case, in groups.
        var typed = $"{last[..4].ToLowerInvariant()}-{last[4..8]} {last[8..]}";
        var found = await anyone.GetFromJsonAsync<JsonElement>(scenario.Url($"receipts/{Uri.EscapeDataString(typed)}"), Cancel);
        Assert.Equal(last, found.GetProperty("receiptCode").GetString());
        Assert.Equal(["Library", "Trees"], found.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("title").GetString()));

        var replaced = await anyone.GetAsync(scenario.Url($"receipts/{first}"), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, replaced.StatusCode);
        Assert.Equal("application/problem+json", replaced.Content.Headers.ContentType?.MediaType);

        var malformed = await anyone.GetAsync(scenario.Url("receipts/ABC"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var problem = await malformed.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(problem.GetProperty("errors").TryGetProperty("code", out _));
    }

    [Fact]
    public async Task The_receipt_page_shows_the_ballot_as_counted_and_says_when_a_code_is_wrong()
    {
        var scenario = await BudgetScenario.OpenAsync(Fixture, ("Playground", 60), ("Library", 50));
        using var voter = await scenario.ResidentAsync("voter");
        var receipt = await ReceiptOfAsync(await scenario.VoteAsync(voter, "Library"));
        scenario.PassDeadline();
        await scenario.RunCloseJobAsync();

        using var anyone = Fixture.CreateClient();
        var slug = await SlugAsync();
        Assert.Contains($"/processes/{slug}/receipt", await anyone.GetStringAsync($"/processes/{slug}/results", Cancel));

        var page = await anyone.GetStringAsync($"/processes/{slug}/receipt?code={receipt}", Cancel);
        Assert.Contains("receipt-found", page);
        Assert.Contains("Library", page);
        Assert.DoesNotContain("Playground", page);

        var wrong = await anyone.GetStringAsync($"/processes/{slug}/receipt?code=AAAAAAAAAAAA", Cancel);
        Assert.DoesNotContain("receipt-found", wrong);
        Assert.Contains("No published ballot has this receipt code", wrong);
        Assert.Contains("govuk-error-summary", wrong);
    }

    private static async Task<string> ReceiptOfAsync(HttpResponseMessage cast)
    {
        Assert.Equal(HttpStatusCode.OK, cast.StatusCode);
        return (await cast.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptCode").GetString()!;
    }

    private async Task<string> SlugAsync()
    {
        await using var db = Fixture.CreateDbContext();
        return await db.Processes.Select(p => p.Slug).SingleAsync(Cancel);
    }
}
