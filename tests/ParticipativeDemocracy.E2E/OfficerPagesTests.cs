using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.E2E;

/// <summary>
/// An officer finds every officer page from the process list, sets up a service-user poll in the browser,
/// and opens the budget's phase, assisted-ballot and paper-ballot pages; axe-core finds nothing on any of them.
/// </summary>
public sealed class OfficerPagesTests(AppUnderTest app, Browser browser) : PageSession(app, browser)
{
    private const string OfficerEmail = "pages-officer@example.org";
    private const string OfficerPassword = "Pages-Officer-Password-1!";

    [Fact]
    public async Task An_officer_sets_up_a_poll_and_opens_the_budget_officer_pages_from_the_process_list()
    {
        await CreateStaffAsync(OfficerEmail, OfficerPassword, "Officer");
        await SignInAsync(OfficerEmail, OfficerPassword);
        await Page.GotoAsync("/admin/processes");
        await Page.GetByLabel("Kind of process").SelectOptionAsync("ServiceUserPoll");
        await Page.GetByLabel("Title").FillAsync("Swimming pool users' poll");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create process" }).ClickAsync();

        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Set up the service-user poll");
        await Assertions.Expect(Page.Locator("[data-testid=poll-stage]")).ToContainTextAsync("Not set up yet");
        await AssertAccessibleAsync();
        await Page.GetByLabel("Name of the service").FillAsync("Riverside pool");
        await Page.GetByLabel("Everyone who signs in").CheckAsync();
        await Page.GetByLabel("Opens (local time)").FillAsync(Local(TimeSpan.FromDays(2)));
        await Page.GetByLabel("Closes (local time)").FillAsync(Local(TimeSpan.FromDays(9)));
        await Page.Locator("#q0-kind").SelectOptionAsync("Rating");
        await Page.Locator("#q0-text").FillAsync("How clean are the changing rooms?");
        await Page.Locator("#q1-kind").SelectOptionAsync("SingleChoice");
        await Page.Locator("#q1-text").FillAsync("When do you swim?");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save the poll" }).ClickAsync();
        // No manager named: the error is shown on the field, the questions typed are kept.
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("Name at least one manager");
        await Assertions.Expect(Page.Locator("#q1-text")).ToHaveValueAsync("When do you swim?");
        await AssertAccessibleAsync();
        await Page.GetByLabel("E-mail addresses of the service's managers, one a line").FillAsync("pool.manager@example.org");
        await Page.Locator("#q1-options").FillAsync("Mornings\nEvenings\nWeekends");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save the poll" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=poll-notice]")).ToContainTextAsync("2 questions");
        await AssertAccessibleAsync();

        Guid budgetId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            budgetId = await db.Processes.Where(p => p.Slug == "riverside-budget-2027").Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken);
        }

        await Page.GotoAsync("/admin/processes");
        await AssertAccessibleAsync();
        await Page.Locator($"a[href='/admin/processes/{budgetId}/phases']").ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=phases]")).ToContainTextAsync("Voting");
        await AssertAccessibleAsync();
        await Page.GotoAsync("/admin/processes");
        await Page.Locator($"a[href='/admin/processes/{budgetId}/assisted-ballot']").ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Cast an assisted ballot");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Cast the ballot for the resident" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await AssertAccessibleAsync();

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = App.Clock.GetUtcNow();
            db.PaperBatches.Add(new PaperBatch
            {
                Id = Guid.CreateVersion7(now), ProcessId = budgetId, BudgetId = budgetId, Label = "Library box 7", Status = PaperBatchStatus.Counted,
                CreatedAt = now, CountedAt = now, Counted = 2, SetAside = [new PaperSetAside(2, "R-104", true, ["Choose at most 3 projects; you chose 5."])],
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // The budget settings page links the paper page.
        await Page.GotoAsync($"/admin/processes/{budgetId}/paper");
        await Page.GetByLabel("Label written on the batch").FillAsync("Town hall box 1");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Open the batch" }).ClickAsync();
        await Page.GetByLabel("Ballots in this batch").FillAsync("E2E-1: P01\nE2E-2: P02");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save this keying" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=paper-batch]", new() { HasText = "Town hall box 1" })).ToContainTextAsync("Keyed 1 of 2 times");
        await Assertions.Expect(Page.Locator("[data-testid=paper-set-aside]")).ToContainTextAsync("Spoilt");
        await AssertAccessibleAsync();

        await Page.GotoAsync("/processes/riverside-budget-2027/projects/P01");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("My two walk to school this way");
        await AssertAccessibleAsync();
        await Page.GotoAsync("/processes/riverside-budget-2026/results");
        await AssertAccessibleAsync();
        AssertNoConsoleErrors();
    }

    private string Local(TimeSpan fromNow)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        return TimeZoneInfo.ConvertTime(App.Clock.GetUtcNow() + fromNow, zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
    }
}
