using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Features.Budgeting;
using ParticipativeDemocracy.Web.Features.Processes;

namespace ParticipativeDemocracy.E2E;

/// <summary>
/// Taking part around the ballot, in the browser: a resident supports a proposal and comments on it;
/// after the count an officer posts an implementation update and the public project page shows it.
/// </summary>
public sealed class BudgetParticipationTests(AppUnderTest app, Browser browser) : PageSession(app, browser)
{
    private const string Password = "Participation-Password-1!";
    private const string OfficerEmail = "participation-officer@example.org";
    private const string Title = "Harbour budget";

    [Fact]
    public async Task Resident_supports_and_comments_then_an_officer_posts_an_update_the_public_sees()
    {
        try
        {
            await CreateStaffAsync(OfficerEmail, Password, "Officer");
            await App.CreateUserAsync("harbour-author@residents.example", Password, "Resident");
            await App.CreateUserAsync("harbour-resident@residents.example", Password, "Resident");
            var (processId, slug, projectId) = await ProposalPhaseBudgetAsync();
            var projectPage = $"/processes/{slug}/projects/P01";

            await SignInAsync("harbour-resident@residents.example", Password);
            await Page.GotoAsync(projectPage);
            await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Harbour lights");
            await AssertAccessibleAsync();
            await Page.GetByRole(AriaRole.Button, new() { Name = "Support this proposal" }).ClickAsync();
            await Assertions.Expect(Page.Locator("[data-testid=supporters]")).ToHaveTextAsync("1");
            await Page.GetByLabel("Add a comment").FillAsync("Yes please, the quay is dark at night.");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
            await Assertions.Expect(Page.Locator("[data-testid=comment]")).ToContainTextAsync("the quay is dark at night");
            await AssertAccessibleAsync();
            await SignOutAsync();

            await VoteAndCloseAsync(processId, projectId);

            await SignInAsync(OfficerEmail, Password);
            await Page.GotoAsync($"/admin/processes/{processId}/implementation");
            await AssertAccessibleAsync();
            await Page.GetByLabel("Status").SelectOptionAsync("InProgress");
            await Page.GetByLabel("What happened").FillAsync("The lamps are ordered from the supplier.");
            await Page.GetByLabel("Milestone (optional)").FillAsync("Lamps installed");
            await Page.GetByLabel("Milestone date").FillAsync("2027-04-30");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Post update" }).ClickAsync();
            await Assertions.Expect(Page.Locator("[data-testid=update-posted]")).ToContainTextAsync("Update posted on P01");
            await SignOutAsync();

            await Page.GotoAsync(projectPage);
            var timeline = Page.Locator("[data-testid=timeline]");
            await Assertions.Expect(timeline).ToContainTextAsync("The lamps are ordered from the supplier.");
            await Assertions.Expect(timeline).ToContainTextAsync("Lamps installed");
            await Assertions.Expect(Page.Locator("[data-testid=implementation-status]")).ToHaveTextAsync("In progress");
            await AssertAccessibleAsync();
            AssertNoConsoleErrors();
        }
        finally
        {
            App.Clock.Offset = TimeSpan.Zero;
        }
    }

    /// <summary>A budget taking proposals, with one reviewed proposal, made through the same commands as the API.</summary>
    private async Task<(Guid ProcessId, string Slug, Guid ProjectId)> ProposalPhaseBudgetAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = App.Clock.GetUtcNow();
        var council = await db.Organisations.FirstAsync();
        var created = await sender.Send(new CreateProcess.Command(council.Id, ProcessKind.ParticipatoryBudget, Title, "Lights and benches by the water.",
            now.AddDays(-1), now.AddDays(30), Publish: true));
        await sender.Send(new ConfigureBudget.Command(created.Id, 500m, "GBP", BudgetBallotKind.Approval, 0, null, true, 0m, null,
            BudgetCountingRule.Greedy, BudgetCompletion.None, BudgetTieBreak.ProjectId, 1, TallyVisibility.Public, now.AddDays(1), now.AddDays(2)));
        var author = await UserIdAsync(scope, "harbour-author@residents.example");
        var proposal = await sender.Send(new SubmitProposal.Command(created.Id, author, "Harbour lights", "Lamps along the quay.", null, null, 300m));
        await sender.Send(new ReviewProposal.Command(created.Id, proposal.Id, true, null, null));
        return (created.Id, created.Slug, proposal.Id);
    }

    private async Task VoteAndCloseAsync(Guid processId, Guid projectId)
    {
        App.Clock.Offset = TimeSpan.FromDays(1) + TimeSpan.FromHours(1);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var voter = await UserIdAsync(scope, "harbour-resident@residents.example");
            await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new CastBallot.Command(processId, voter, null, [new CastChoice(projectId, null)]));
        }

        App.Clock.Offset = TimeSpan.FromDays(2) + TimeSpan.FromHours(1);
        await using var closing = App.Services.CreateAsyncScope();
        // Hangfire's own close job may win the race; either way exactly one close stores the outcome.
        await closing.ServiceProvider.GetRequiredService<ISender>().Send(new CloseVoting.Command(processId));
        var db = closing.ServiceProvider.GetRequiredService<AppDbContext>();
        for (var attempt = 0; attempt < 100 && !await db.BudgetOutcomes.AnyAsync(o => o.ProcessId == processId); attempt++)
        {
            await Task.Delay(100);
        }
    }

    private static async Task<Guid> UserIdAsync(AsyncServiceScope scope, string email) =>
        (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
}
