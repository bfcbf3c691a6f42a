using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Jobs;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

/// <summary>Builds a budget through the API as an officer would: a process, its rules, reviewed projects.</summary>
public sealed class BudgetScenario
{
    public const string Password = OfficerProcess.Password;

    private BudgetScenario(PlatformFixture fixture, HttpClient officer, Guid processId)
    {
        Fixture = fixture;
        Officer = officer;
        ProcessId = processId;
    }

    public PlatformFixture Fixture { get; }

    public HttpClient Officer { get; }

    public Guid ProcessId { get; }

    public Dictionary<string, Guid> Projects { get; } = new(StringComparer.Ordinal);

    public static DateTimeOffset VotingOpensAt => PlatformFixture.Start.AddDays(7);

    public static DateTimeOffset VotingClosesAt => PlatformFixture.Start.AddDays(14);

    public string Url(string tail) => $"/api/processes/{ProcessId}/{tail}";

    public static async Task<BudgetScenario> CreateAsync(PlatformFixture fixture, object? rules = null)
    {
        var (officer, processId, _) = await OfficerProcess.CreateAsync(
            fixture, "officer@budget.example",
            new ProcessDraft("ParticipatoryBudget", "Riverside budget", PlatformFixture.Start, PlatformFixture.Start.AddDays(14)));
        var scenario = new BudgetScenario(fixture, officer, processId);
        var configured = await officer.PutAsJsonAsync(scenario.Url("budget"), rules ?? BudgetScenario.Rules());
        Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
        return scenario;
    }

    /// <summary>A budget open for voting, whose projects (title, cost) a resident proposed and the officer found feasible.</summary>
    public static async Task<BudgetScenario> OpenAsync(PlatformFixture fixture, params (string Title, decimal Cost)[] projects)
    {
        var scenario = await CreateAsync(fixture);
        using (var proposer = await scenario.ResidentAsync("proposer"))
        {
            foreach (var (title, cost) in projects)
            {
                await scenario.AddProjectAsync(proposer, title, cost);
            }
        }

        scenario.OpenVoting();
        return scenario;
    }

    public static object Rules(
        string ballotKind = "Approval", bool mustFitBudget = true, string countingRule = "Greedy",
        string visibility = "Public", int? maxProjects = null, decimal amount = 100m) => new
    {
        amount, currency = "GBP", ballotKind, minProjects = 0, maxProjects, mustFitBudget, minSpendShare = 0m,
        pointsToDistribute = ballotKind == "Cumulative" ? 10 : (int?)null, countingRule, completion = "None",
        tieBreak = "ProjectId", seed = 7, tallyVisibility = visibility, votingOpensAt = VotingOpensAt, votingClosesAt = VotingClosesAt,
    };

    /// <summary>A resident proposes, the officer finds it feasible: it is on the ballot.</summary>
    public async Task<Guid> AddProjectAsync(HttpClient resident, string title, decimal cost)
    {
        var submitted = await resident.PostAsJsonAsync(Url("proposals"), new { title, estimatedCost = cost });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var reviewed = await Officer.PostAsJsonAsync(Url($"proposals/{id}/review"), new { feasible = true });
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        Projects[title] = id;
        return id;
    }

    public async Task<HttpClient> ResidentAsync(string name)
    {
        var email = $"{name}@residents.example";
        await Fixture.CreateUserAsync(email, Password, "Resident");
        return await BrowserSession.SignedInClientAsync(Fixture, email, Password);
    }

    public void OpenVoting() => Fixture.Clock.SetUtcNow(VotingOpensAt.AddHours(1));

    public void PassDeadline() => Fixture.Clock.SetUtcNow(VotingClosesAt.AddMinutes(1));

    /// <summary>Runs the close job as Hangfire would; how many budgets it closed.</summary>
    public async Task<int> RunCloseJobAsync()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CloseDueBudgetsJob>().RunAsync(TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> VoteAsync(HttpClient voter, params string[] titles) =>
        voter.PostAsJsonAsync(Url("ballots"), new { choices = titles.Select(t => new { projectId = Projects[t] }).ToArray() });

    /// <summary>Votes with the pass a redeemed code gave, from a client without an account.</summary>
    public async Task<HttpResponseMessage> VoteWithPassAsync(HttpClient anonymous, string pass, params string[] titles)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url("ballots"))
        {
            Content = JsonContent.Create(new { choices = titles.Select(t => new { projectId = Projects[t] }).ToArray() }),
        };
        request.Headers.Add("Voting-Pass", pass);
        return await anonymous.SendAsync(request);
    }

    /// <summary>An officer prints a batch of codes for this process; a holder redeems one and gets a voting pass.</summary>
    public async Task<List<string>> CodesAsync(int count, string? district = null)
    {
        var batch = await Officer.PostAsJsonAsync(Url("codes"), new { district, count });
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        return (await batch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
    }

    public static async Task<string> PassAsync(HttpClient anonymous, string code)
    {
        var redeemed = await anonymous.PostAsJsonAsync("/api/codes/redemptions", new { code });
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        return (await redeemed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pass").GetString()!;
    }

    /// <summary>A roll for this process (CSV rows after the header), imported by the Hangfire job.</summary>
    public async Task<Guid> RollAsync(string rows)
    {
        await using var db = Fixture.CreateDbContext();
        var organisation = db.Organisations.Single().Id;
        using var content = new StringContent(Rolls.RollHelpers.Header + "\n" + rows, System.Text.Encoding.UTF8, "text/csv");
        var uploaded = await Officer.PostAsync(new Uri($"/api/rolls?organisationId={organisation}&processId={ProcessId}&name=Register", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Accepted, uploaded.StatusCode);
        var roll = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal("Ready", (await Rolls.RollHelpers.WaitForImportAsync(Officer, roll)).GetProperty("status").GetString());
        return roll;
    }

    public async Task SetEligibilityAsync(object rules)
    {
        var set = await Officer.PutAsJsonAsync($"/api/processes/{ProcessId}/eligibility", rules);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
    }
}
