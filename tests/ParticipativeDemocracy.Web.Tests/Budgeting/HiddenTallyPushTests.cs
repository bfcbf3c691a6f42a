using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using ParticipativeDemocracy.Web.Features.Budgeting;
using ParticipativeDemocracy.Web.Realtime;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

/// <summary>One count feeds both pushes; the public's copy must still lose the per-project figures a hidden tally keeps back.</summary>
public sealed class HiddenTallyPushTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task A_hidden_tally_pushes_project_counts_to_officers_and_only_turnout_to_the_public()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        await scenario.Officer.PutAsJsonAsync(scenario.Url("budget"), BudgetScenario.Rules(visibility: "HiddenUntilClose"), Cancel);
        using var voter = await scenario.ResidentAsync("voter");
        await scenario.AddProjectAsync(voter, "Trees", 40);
        scenario.OpenVoting();

        await using var publicHub = await HubClient.ConnectAsync(Fixture, Cancel);
        var publicPush = Watch(publicHub);
        await publicHub.InvokeAsync(nameof(ProcessHub.WatchProcess), scenario.ProcessId, Cancel);
        await Fixture.CreateUserAsync("watcher@budget.example", BudgetScenario.Password, "Officer");
        var cookies = new CookieContainerHandler();
        using (var client = Fixture.Factory.CreateDefaultClient(cookies))
        {
            await BrowserSession.SignInAsync(client, "watcher@budget.example", BudgetScenario.Password);
        }

        await using var officerHub = await HubClient.ConnectAsync(Fixture, ProcessHub.Path, cookies.Container, Cancel);
        var officerPush = Watch(officerHub);
        await officerHub.InvokeAsync(nameof(ProcessHub.WatchProcessAsOfficer), scenario.ProcessId, Cancel);

        await scenario.VoteAsync(voter, "Trees");

        var seenByOfficers = await officerPush.WaitAsync(TimeSpan.FromSeconds(20), Cancel);
        var seenByPublic = await publicPush.WaitAsync(TimeSpan.FromSeconds(20), Cancel);
        Assert.Equal(1, seenByOfficers.Projects!.Single(p => p.Title == "Trees").Votes);
        Assert.Null(seenByPublic.Projects);
        Assert.Equal(1, seenByPublic.Voters);
    }

    private static Task<TallyView> Watch(HubConnection hub)
    {
        var first = new TaskCompletionSource<TallyView>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<TallyView>(nameof(IProcessClient.TallyChanged), tally =>
        {
            if (tally.Ballots > 0)
            {
                first.TrySetResult(tally);
            }
        });
        return first.Task;
    }
}
