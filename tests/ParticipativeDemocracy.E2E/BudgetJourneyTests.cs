using System.Globalization;
using Microsoft.Playwright;

namespace ParticipativeDemocracy.E2E;

/// <summary>
/// The whole budget through the browser: an officer creates and configures it, a resident proposes,
/// the officer approves, the resident votes, voting closes on schedule, and the results show.
/// </summary>
public sealed class BudgetJourneyTests(AppUnderTest app, Browser browser) : PageSession(app, browser)
{
    private const string ResidentPassword = "Resident-Password-1!";
    private const string OfficerEmail = "journey-officer@example.org";
    private const string OfficerPassword = "Journey-Officer-Password-1!";

    [Fact]
    public async Task Officer_configures_resident_proposes_and_votes_results_show()
    {
        try
        {
            await CreateStaffAsync(OfficerEmail, OfficerPassword, "Officer");
            await SignInAsync(OfficerEmail, OfficerPassword);
            await Page.GotoAsync("/admin/processes");
            await AssertAccessibleAsync();
            await Page.GetByLabel("Kind of process").SelectOptionAsync("ParticipatoryBudget");
            await Page.GetByLabel("Title").FillAsync("Canal-side budget");
            await Page.GetByLabel("Publish it now").CheckAsync();
            await Page.GetByLabel("Opens (local time)").FillAsync(Local(TimeSpan.FromDays(-1)));
            await Page.GetByLabel("Closes (local time)").FillAsync(Local(TimeSpan.FromDays(30)));
            await Page.GetByRole(AriaRole.Button, new() { Name = "Create process" }).ClickAsync();

            await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Configure the budget: Canal-side budget");
            await Page.GetByLabel("Budget amount").FillAsync("1000");
            await Page.GetByLabel("Voting opens (local time)").FillAsync(Local(TimeSpan.FromDays(2)));
            await Page.GetByLabel("Voting closes (local time)").FillAsync(Local(TimeSpan.FromDays(4)));
            await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Assertions.Expect(Page.Locator("[data-testid=saved]")).ToContainTextAsync("version 1");
            await AssertAccessibleAsync();
            await SignOutAsync();

            await App.CreateUserAsync("proposer@residents.example", ResidentPassword, "Resident");
            await SignInAsync("proposer@residents.example", ResidentPassword);
            await Page.GotoAsync("/processes/canal-side-budget");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Propose a project" }).ClickAsync();
            await Page.GetByLabel("Title").FillAsync("Canal benches");
            await Page.GetByLabel("Estimated cost").FillAsync("400");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Send my proposal" }).ClickAsync();
            await Assertions.Expect(Page.Locator("[data-testid=proposal-sent]")).ToContainTextAsync("P01");
            await SignOutAsync();

            await SignInAsync(OfficerEmail, OfficerPassword);
            await Page.GotoAsync("/admin/processes");
            await Page.GetByRole(AriaRole.Link, new() { Name = "Canal-side budget", Exact = true }).ClickAsync();
            var review = Page.Locator("[data-testid=r-P01]");
            await review.GetByRole(AriaRole.Button, new() { Name = "Record review" }).ClickAsync();
            await Assertions.Expect(Page.Locator("[data-testid=r-P01]")).ToContainTextAsync("On the ballot");
            await SignOutAsync();

            App.Clock.Offset = TimeSpan.FromDays(2) + TimeSpan.FromHours(1);
            await SignInAsync("proposer@residents.example", ResidentPassword);
            await Page.GotoAsync("/processes/canal-side-budget/ballot");
            await Page.GetByLabel("Canal benches").CheckAsync();
            await Page.GetByRole(AriaRole.Button, new() { Name = "Submit my vote" }).ClickAsync();
            await Assertions.Expect(Page.Locator("[data-testid=receipt]")).ToBeVisibleAsync();
            var receipt = await Page.Locator("[data-testid=receipt] .pd-receipt").InnerTextAsync();

            App.Clock.Offset = TimeSpan.FromDays(4) + TimeSpan.FromHours(1);
            Assert.True(await App.CloseDueBudgetsAsync("canal-side-budget"));

            await Page.GotoAsync("/processes/canal-side-budget/results");
            await Assertions.Expect(Page.Locator("[data-testid=results-summary]")).ToContainTextAsync("Voters: 1. Projects funded: 1");
            await Assertions.Expect(Page.Locator("[data-testid=results-table]")).ToContainTextAsync("Funded");
            await AssertAccessibleAsync();

            await Page.Locator("[data-testid=check-receipt]").ClickAsync();
            await Page.GetByLabel("Receipt code").FillAsync(receipt.ToLowerInvariant());
            await Page.GetByRole(AriaRole.Button, new() { Name = "Check receipt" }).ClickAsync();
            await Assertions.Expect(Page.Locator("[data-testid=receipt-choices]")).ToContainTextAsync("Canal benches");
            await AssertAccessibleAsync();
            AssertNoConsoleErrors();
        }
        finally
        {
            App.Clock.Offset = TimeSpan.Zero;
        }
    }

    private string Local(TimeSpan fromNow)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        return TimeZoneInfo.ConvertTime(App.Clock.GetUtcNow() + fromNow, zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
    }
}
