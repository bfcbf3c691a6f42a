using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Tests.Infrastructure;
using ParticipativeDemocracy.Web.Tests.Rolls;

namespace ParticipativeDemocracy.Web.Tests.Codes;

public sealed class VotingCodeTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Officer_generates_a_batch_stored_hashed_and_audited()
    {
        var (officer, process) = await OfficerAndProcessAsync();
        var codes = await GenerateAsync(officer, process, 5, "Riverside");
        Assert.Equal(5, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$", c));

        await using var db = Fixture.CreateDbContext();
        var stored = await db.VotingCodes.ToListAsync(Cancel);
        Assert.Equal(5, stored.Count);
        Assert.DoesNotContain(stored, s => codes.Any(c => s.CodeHash.Contains(c.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)));
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "GenerateVotingCodes", Cancel);
        Assert.DoesNotContain(codes[0], audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_redeems_once_typed_loosely_and_gives_a_pass_for_its_process_and_district()
    {
        var (officer, process) = await OfficerAndProcessAsync();
        var code = (await GenerateAsync(officer, process, 1, "Riverside"))[0];
        using var anonymous = Fixture.CreateClient();
        var first = await RedeemAsync(anonymous, " " + code.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(process, body.GetProperty("processId").GetGuid());
        Assert.Equal("Riverside", body.GetProperty("district").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("pass").GetString()));

        var second = await RedeemAsync(anonymous, code);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("already been used", await second.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_and_expired_codes_are_clear_4xx_problems()
    {
        var (officer, process) = await OfficerAndProcessAsync();
        var response = await officer.PostAsJsonAsync($"/api/processes/{process}/codes",
            new { count = 1, expiresAt = PlatformFixture.Start.AddDays(1) }, Cancel);
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("codes")[0].GetString()!;
        using var anonymous = Fixture.CreateClient();

        var wrong = await RedeemAsync(anonymous, "AAAA-BBBB-CCCC");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not recognised", await wrong.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await RedeemAsync(anonymous, "")).StatusCode);

        Fixture.Clock.Advance(TimeSpan.FromDays(2));
        var expired = await RedeemAsync(anonymous, code);
        Assert.Equal(HttpStatusCode.Conflict, expired.StatusCode);
        Assert.Equal("application/problem+json", expired.Content.Headers.ContentType?.MediaType);
        Assert.Contains("This code expired on 3 November 2026", await expired.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hundred_parallel_redemptions_of_one_code_let_exactly_one_through()
    {
        var (officer, process) = await OfficerAndProcessAsync();
        var code = (await GenerateAsync(officer, process, 1, null))[0];
        var clients = Enumerable.Range(0, 100).Select(_ => Fixture.CreateClient()).ToList();
        using var start = new ManualResetEventSlim();
        var attempts = clients.Select(client => Task.Run(async () =>
        {
            start.Wait(Cancel);
            return await RedeemAsync(client, code);
        }, Cancel)).ToList();
        start.Set();
        var responses = await Task.WhenAll(attempts);

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(99, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task The_print_page_has_one_svg_qr_code_per_letter_and_the_form_redeems()
    {
        var (officer, process) = await OfficerAndProcessAsync();
        var page = await BrowserSession.SubmitFormAsync(officer, $"/officer/processes/{process}/codes", "codes",
            new Dictionary<string, string> { ["Input.District"] = "Canton", ["Input.Count"] = "3" });
        var html = await page.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(3, Regex.Count(html, "<svg"));
        var codes = Regex.Matches(html, "data-testid=\"code\">([A-Z0-9-]{14})<").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, codes.Count);

        using var anonymous = Fixture.CreateClient();
        var redeemed = await BrowserSession.SubmitFormAsync(anonymous, $"/vote/code?code={codes[0]}", "redeem",
            new Dictionary<string, string> { ["Input.Code"] = codes[0] });
        Assert.Contains("Code accepted", await redeemed.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var again = await BrowserSession.SubmitFormAsync(anonymous, "/vote/code", "redeem", new Dictionary<string, string> { ["Input.Code"] = codes[0] });
        Assert.Contains("<a href=\"#code\">This code has already been used", await again.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Residents_cannot_generate_codes()
    {
        var (_, process) = await OfficerAndProcessAsync();
        await Fixture.CreateUserAsync("resident@test.example", RollHelpers.Password, "Resident");
        using var resident = await BrowserSession.SignedInClientAsync(Fixture, "resident@test.example", RollHelpers.Password);
        var response = await resident.PostAsJsonAsync($"/api/processes/{process}/codes", new { count = 1 }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<(HttpClient Officer, Guid Process)> OfficerAndProcessAsync()
    {
        var council = await RollHelpers.SeedCouncilAsync(Fixture);
        await using var db = Fixture.CreateDbContext();
        var process = new Process
        {
            Id = Guid.NewGuid(), OrganisationId = council, Title = "Budget", Slug = "budget", Kind = ProcessKind.ParticipatoryBudget,
            Status = ProcessStatus.Open, ClosesAt = PlatformFixture.Start.AddDays(30),
        };
        db.Processes.Add(process);
        await db.SaveChangesAsync(Cancel);
        return (await RollHelpers.OfficerAsync(Fixture), process.Id);
    }

    private static async Task<List<string>> GenerateAsync(HttpClient officer, Guid process, int count, string? district)
    {
        var response = await officer.PostAsJsonAsync($"/api/processes/{process}/codes", new { count, district }, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        return body.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
    }

    private static Task<HttpResponseMessage> RedeemAsync(HttpClient client, string code) =>
        client.PostAsJsonAsync("/api/codes/redemptions", new { code });
}
