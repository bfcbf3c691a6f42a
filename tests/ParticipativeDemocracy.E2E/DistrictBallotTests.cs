using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.E2E;

/// <summary>
/// A Riverside resident (proved on the roll) votes in the Riverside budget and the city-wide budget on one
/// ballot page, gets a receipt for each, and after the close the results show both budgets. The process is
/// its own, not the demo's, so closing it leaves the demo budget open for the other browser tests.
/// </summary>
public sealed class DistrictBallotTests(AppUnderTest app, Browser browser) : PageSession(app, browser)
{
    private const string Slug = "harbour-budget-e2e";
    private const string Email = "rhys@riverside.example";
    private const string Password = "Riverside-Password-1!";

    [Fact]
    public async Task District_resident_votes_in_both_budgets_on_one_page_gets_both_receipts_and_results_show_both()
    {
        try
        {
            await CreateProcessAsync();
            var roll = await App.SeedRollAsync("RV-20271", new DateOnly(1979, 3, 14), "CF10 2BB");
            await App.CreateUserAsync(Email, Password, "Resident");
            await SignInAsync(Email, Password);
            await ProveRollEntryAsync(roll);

            await Page.GotoAsync($"/processes/{Slug}/ballot");
            await Assertions.Expect(Page.GetByTestId("ballot-budgets")).ToContainTextAsync("You can vote in 2 budgets");
            var sections = Page.GetByTestId("ballot-budget");
            await Assertions.Expect(sections).ToHaveCountAsync(2);
            await AssertAccessibleAsync();

            var city = sections.Filter(new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = "Harbour city-wide", Exact = true }) });
            await city.GetByLabel("Harbour wall repairs").CheckAsync();
            await city.GetByRole(AriaRole.Button, new() { Name = "Submit my vote" }).ClickAsync();
            var cityReceipt = city.GetByTestId("receipt");
            await Assertions.Expect(cityReceipt).ToContainTextAsync("Your vote has been recorded");
            var cityCode = await cityReceipt.Locator(".pd-receipt").InnerTextAsync();

            var district = Page.GetByTestId("ballot-budget").Filter(new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = "Riverside fund", Exact = true }) });
            await district.GetByLabel("Riverside steps handrail").CheckAsync();
            await district.GetByRole(AriaRole.Button, new() { Name = "Submit my vote" }).ClickAsync();
            var districtReceipt = district.GetByTestId("receipt");
            await Assertions.Expect(districtReceipt).ToContainTextAsync("Your vote has been recorded");
            var districtCode = await districtReceipt.Locator(".pd-receipt").InnerTextAsync();
            Assert.Matches("^[A-Z2-9]{12}$", cityCode.Trim());
            Assert.Matches("^[A-Z2-9]{12}$", districtCode.Trim());
            Assert.NotEqual(cityCode, districtCode);
            await AssertAccessibleAsync();

            App.Clock.Offset = TimeSpan.FromDays(3);
            Assert.True(await App.CloseDueBudgetsAsync(Slug));

            await Page.GotoAsync($"/processes/{Slug}/results");
            await Assertions.Expect(Page.GetByTestId("results-turnout")).ToContainTextAsync("Voters: 1, across 2 budgets");
            var results = Page.GetByTestId("budget-results");
            await Assertions.Expect(results).ToHaveCountAsync(2);
            await Assertions.Expect(results.Nth(0)).ToContainTextAsync("Harbour wall repairs");
            await Assertions.Expect(results.Nth(1)).ToContainTextAsync("Riverside steps handrail");
            await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Riverside fund", Exact = true })).ToBeVisibleAsync();
            await AssertAccessibleAsync();
            AssertNoConsoleErrors();
        }
        finally
        {
            App.Clock.Offset = TimeSpan.Zero;
        }
    }

    private async Task ProveRollEntryAsync(Guid roll)
    {
        await Page.GotoAsync("/account/verify");
        await Page.Locator("#rollId").SelectOptionAsync(roll.ToString());
        await Page.GetByLabel("Reference number").FillAsync("RV-20271");
        await Page.GetByLabel("Day").FillAsync("14");
        await Page.GetByLabel("Month").FillAsync("3");
        await Page.GetByLabel("Year").FillAsync("1979");
        await Page.GetByLabel("Postcode").FillAsync("CF10 2BB");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check my details" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("You are on the roll");
    }

    /// <summary>Open for voting now, closing in two days: a city-wide budget and the Riverside fund, two projects each.</summary>
    private async Task CreateProcessAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = App.Clock.GetUtcNow();
        var council = await db.Organisations.FirstAsync();
        var id = Guid.CreateVersion7();
        db.Processes.Add(new Process
        {
            Id = id, OrganisationId = council.Id, Kind = ProcessKind.ParticipatoryBudget, Slug = Slug, Title = "Harbour budget",
            Summary = "The harbour's city-wide budget and the Riverside fund.", Status = ProcessStatus.Open,
            OpensAt = now.AddDays(-3), ClosesAt = now.AddDays(2), CreatedAt = now, UpdatedAt = now,
        });
        db.BudgetSettings.Add(new BudgetSettings
        {
            ProcessId = id, Amount = 150_000m, Currency = "GBP", BallotKind = BudgetBallotKind.Approval, MinProjects = 1, MustFitBudget = true,
            CountingRule = BudgetCountingRule.Greedy, TieBreak = BudgetTieBreak.ProjectId, Seed = 1, TallyVisibility = TallyVisibility.Public,
            VotingOpensAt = now.AddDays(-1), VotingClosesAt = now.AddDays(2), ConfigurationVersion = 1,
        });
        var riverside = Guid.CreateVersion7();
        db.ProcessBudgets.AddRange(
            new ProcessBudget { Id = id, ProcessId = id, Name = "Harbour city-wide", Amount = 100_000m },
            new ProcessBudget { Id = riverside, ProcessId = id, Name = "Riverside fund", Amount = 50_000m, District = "Riverside", Position = 1 });
        (string Title, Guid Budget, string? District, decimal Cost)[] projects =
        [
            ("Harbour wall repairs", id, null, 60_000m), ("Ferry shelter", id, null, 30_000m),
            ("Riverside steps handrail", riverside, "Riverside", 20_000m), ("Riverside notice board", riverside, "Riverside", 5_000m),
        ];
        db.BudgetProjects.AddRange(projects.Select((p, i) => new BudgetProject
        {
            Id = Guid.CreateVersion7(), ProcessId = id, BudgetId = p.Budget, Code = $"P{i + 1:D2}", Title = p.Title, Description = p.Title + ".",
            District = p.District, EstimatedCost = p.Cost, Status = ProposalStatus.Feasible, CreatedAt = now, UpdatedAt = now,
        }));
        await db.SaveChangesAsync();
    }
}
