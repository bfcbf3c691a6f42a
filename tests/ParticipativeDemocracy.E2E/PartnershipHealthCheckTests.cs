using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.E2E;

/// <summary>
/// The demo partnership in the browser: an officer opens a health check, members at two levels rate it,
/// the officer closes it and sees the levels side by side. Public partnership and poll pages pass axe-core.
/// </summary>
public sealed class PartnershipHealthCheckTests(AppUnderTest app, Browser browser) : PageSession(app, browser)
{
    private const string Slug = "riverside-community-safety-partnership";
    private const string MemberPassword = "Member-Password-1!";
    private const string OfficerEmail = "partnership-officer@example.org";
    private const string OfficerPassword = "Partnership-Officer-Password-1!";

    [Fact]
    public async Task Members_at_two_levels_rate_the_partnership_and_the_officer_sees_them_side_by_side()
    {
        await CreateStaffAsync(OfficerEmail, OfficerPassword, "Officer");
        Guid processId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            processId = await db.Processes.Where(p => p.Slug == Slug).Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken);
        }

        await SignInAsync(OfficerEmail, OfficerPassword);
        await Page.GotoAsync($"/admin/partnerships/{processId}");
        await AssertAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Open a new health check" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=open-check]")).ToContainTextAsync("Round 2");
        await SignOutAsync();

        // Two residents (a citizen and an activist) rate it low, two councillors high.
        await RateAsync("amina@residents.demo.example", 2);
        await RateAsync("dylan@residents.demo.example", 3);
        await RateAsync("helen@policy.demo.example", 5);
        await RateAsync("owen@policy.demo.example", 4);

        await SignInAsync(OfficerEmail, OfficerPassword);
        await Page.GotoAsync($"/admin/partnerships/{processId}");
        await Assertions.Expect(Page.Locator("[data-testid=open-check]")).ToContainTextAsync("Members who have answered: 4.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Close the health check and show the results" }).ClickAsync();
        var table = Page.Locator("[data-testid=health-side-by-side]");
        await Assertions.Expect(table).ToContainTextAsync("Round 2");
        await Assertions.Expect(table.Locator("[data-level=Residents][data-statement='0']")).ToHaveTextAsync("2.5");
        await Assertions.Expect(table.Locator("[data-level=PolicyMakers][data-statement='0']")).ToHaveTextAsync("4.5");
        await Assertions.Expect(table.Locator("[data-level=Managers][data-statement='0']")).ToHaveTextAsync("Too few to show");
        await Assertions.Expect(Page.Locator("[data-testid=health-trend]")).ToContainTextAsync("Round 1");
        await AssertAccessibleAsync();
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Public_partnership_and_poll_pages_have_no_accessibility_violations()
    {
        await Page.GotoAsync($"/partnerships/{Slug}");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Riverside community safety partnership");
        await Assertions.Expect(Page.Locator("[data-testid=composition]")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("[data-testid=decisions]")).ToContainTextAsync("light the river path");
        await Assertions.Expect(Page.Locator("[data-testid=health-side-by-side]")).ToContainTextAsync("Policy makers");
        await AssertAccessibleAsync();

        await Page.GotoAsync("/polls/library-opening-hours");
        await Assertions.Expect(Page.Locator("[data-testid=poll-stage]")).ToHaveTextAsync("Open for answers");
        await Assertions.Expect(Page.Locator("[data-testid=promise]")).ToContainTextAsync("within a month");
        await AssertAccessibleAsync();

        await Page.GotoAsync("/processes/riverside-budget-2027");
        await Assertions.Expect(Page.Locator("[data-testid=promise-level]")).ToContainTextAsync("Empower");
        await AssertAccessibleAsync();
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_resident_answers_the_running_poll_in_the_browser()
    {
        await App.CreateUserAsync("poll-resident@residents.example", MemberPassword, "Resident");
        await SignInAsync("poll-resident@residents.example", MemberPassword);
        await Page.GotoAsync("/polls/library-opening-hours");
        await Page.GetByLabel("Every week").CheckAsync();
        await Page.GetByLabel("Study space").CheckAsync();
        await Page.GetByLabel("Sunday afternoons").SelectOptionAsync("1");
        await Page.GetByLabel("4 – good").CheckAsync();
        await Page.Locator("#q5-text").FillAsync("Open on bank holidays");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=poll-answered]")).ToContainTextAsync("e-mail you the service's response");
        await Assertions.Expect(Page.Locator("[data-poll-responses]")).ToContainTextAsync("Responses so far: 61.");
        await AssertAccessibleAsync();
        AssertNoConsoleErrors();
    }

    private async Task RateAsync(string email, int score)
    {
        await App.CreateUserAsync(email, MemberPassword, "Resident");
        await SignInAsync(email, MemberPassword);
        await Page.GotoAsync($"/partnerships/{Slug}/health-check");
        var statements = Page.Locator("fieldset");
        var count = await statements.CountAsync();
        Assert.Equal(6, count);
        for (var i = 0; i < count; i++)
        {
            await Page.Locator($"#s{i}-{score}").CheckAsync();
        }

        await AssertAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send my ratings" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=health-answered]")).ToBeVisibleAsync();
        await SignOutAsync();
    }
}
