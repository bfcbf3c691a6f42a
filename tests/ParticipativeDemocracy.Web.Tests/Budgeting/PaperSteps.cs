using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

/// <summary>What paper-ballot tests do through the API: open batches, key them, prove residents against the roll.</summary>
internal static class PaperSteps
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static object Ballot(string reference, params string[] projects) => new { voterReference = reference, projects };

    /// <summary>A ballot the officers mark spoilt (unreadable); <paramref name="projects"/> only to show that marks are refused.</summary>
    public static object Spoilt(string reference, params string[] projects) => new { voterReference = reference, projects, spoilt = true };

    /// <summary>A ballot with the number written beside each project: points (cumulative) or ranks (ranking).</summary>
    public static object Numbered(string reference, params (string Code, int Number)[] marks) =>
        new { voterReference = reference, projects = marks.Select(m => m.Code).ToArray(), numbers = marks.Select(m => m.Number).ToArray() };

    public static Task<HttpResponseMessage> KeyAsync(HttpClient officer, BudgetScenario scenario, Guid batch, params object[] ballots) =>
        officer.PostAsJsonAsync(scenario.Url($"paper-batches/{batch}/keyings"), new { ballots }, Cancel);

    /// <summary>Two officers key the same ballots; returns the batch as the second keying left it.</summary>
    public static async Task<JsonElement> KeyTwiceAsync(BudgetScenario scenario, HttpClient second, Guid batch, params object[] ballots)
    {
        Assert.Equal(HttpStatusCode.OK, (await KeyAsync(scenario.Officer, scenario, batch, ballots)).StatusCode);
        var keyed = await KeyAsync(second, scenario, batch, ballots);
        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
        return await keyed.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    public static async Task<Guid> BatchAsync(BudgetScenario scenario, Guid? budgetId = null)
    {
        var created = await scenario.Officer.PostAsJsonAsync(scenario.Url("paper-batches"), new { label = "Library box 1", budgetId }, Cancel);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    public static async Task<HttpClient> SecondOfficerAsync(PlatformFixture fixture)
    {
        await fixture.CreateUserAsync("second-officer@budget.example", BudgetScenario.Password, "Officer");
        return await BrowserSession.SignedInClientAsync(fixture, "second-officer@budget.example", BudgetScenario.Password);
    }

    /// <summary>A resident who proved a roll row ("R-1,1980-01-01,CF10 1AA,Riverside").</summary>
    public static async Task<HttpClient> VerifiedResidentAsync(BudgetScenario scenario, Guid roll, string name, string reference, string dateOfBirth, string postcode)
    {
        var resident = await scenario.ResidentAsync(name);
        var verified = await resident.PostAsJsonAsync("/api/rolls/verifications", new { rollId = roll, reference, dateOfBirth, postcode }, Cancel);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        return resident;
    }
}
