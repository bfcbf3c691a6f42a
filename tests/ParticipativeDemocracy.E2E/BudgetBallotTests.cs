using Microsoft.Playwright;

namespace ParticipativeDemocracy.E2E;

/// <summary>
/// A resident votes in the demo council's open budget, by keyboard, within budget, and gets a receipt. The demo
/// process has a city-wide budget (the first form) beside the Riverside fund; these tests use the city-wide one.
/// </summary>
public sealed class BudgetBallotTests(AppUnderTest app, Browser browser) : PageSession(app, browser)
{
    private const string Password = "Resident-Password-1!";

    [Fact]
    public async Task Resident_votes_within_budget_by_keyboard_and_gets_a_receipt()
    {
        await SignInAsResidentAsync("keyboard@residents.example");
        await Page.GotoAsync("/processes/riverside-budget-2027");
        await AssertAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vote now" }).ClickAsync();

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Your ballot");
        await AssertAccessibleAsync();
        var cityWide = Page.GetByTestId("ballot-form").First;
        var left = cityWide.Locator(".pd-budget-left");
        await Assertions.Expect(left).ToContainTextAsync("£250,000 of £250,000");

        await Page.GetByLabel("Community fridge").FocusAsync();
        await Page.Keyboard.PressAsync(" ");
        await Page.GetByLabel("Repair café tools").FocusAsync();
        await Page.Keyboard.PressAsync(" ");
        await Assertions.Expect(left).ToContainTextAsync("£235,500 of £250,000");
        await cityWide.GetByRole(AriaRole.Button, new() { Name = "Submit my vote" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");

        var receipt = Page.GetByTestId("receipt");
        await Assertions.Expect(receipt).ToContainTextAsync("Your vote has been recorded");
        Assert.Matches("[A-Z2-9]{12}", await receipt.Locator(".pd-receipt").InnerTextAsync());
        await AssertAccessibleAsync();
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Ballot_over_budget_is_refused_with_a_summary_linked_to_the_choices()
    {
        await SignInAsResidentAsync("overspender@residents.example");
        await Page.GotoAsync("/processes/riverside-budget-2027/ballot");
        foreach (var title in new[] { "Play area for older children", "Skate park by the leisure centre", "Bus shelter seating", "Safer crossing on Mill Lane" })
        {
            await Page.GetByLabel(title).CheckAsync();
        }

        await Page.GetByTestId("ballot-form").First.GetByRole(AriaRole.Button, new() { Name = "Submit my vote" }).ClickAsync();
        var summary = Page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("more than the £250,000 budget");
        await AssertAccessibleAsync();
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Ballot_fits_a_320_pixel_screen()
    {
        await SignInAsResidentAsync("narrow@residents.example");
        await Page.SetViewportSizeAsync(320, 640);
        await Page.GotoAsync("/processes/riverside-budget-2027/ballot");
        var overflow = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the ballot scrolls sideways by {overflow}px at 320px");
    }

    private async Task SignInAsResidentAsync(string email)
    {
        await App.CreateUserAsync(email, Password, "Resident");
        await SignInAsync(email, Password);
    }
}
