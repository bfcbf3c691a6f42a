using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ParticipativeDemocracy.E2E;

public sealed partial class ResidentJourneyTests(AppUnderTest app, Browser browser) : PageSession(app, browser)
{
    [Fact]
    public async Task Resident_signs_up_confirms_by_email_and_verifies_against_the_roll()
    {
        var roll = await App.SeedRollAsync("CT-77001", new DateOnly(1985, 6, 30), "CF10 1AA");

        await Page.GotoAsync("/account/sign-up");
        await AssertAccessibleAsync();
        await Page.GetByLabel("Email address").FillAsync("megan@e2e.example");
        await Page.GetByLabel("Your name").FillAsync("Megan");
        await Page.GetByLabel("Password (optional)").FillAsync("Megan-Password-2026");
        await Page.GetByLabel("Community activist").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Check your email");
        await AssertAccessibleAsync();

        var link = ConfirmLink().Match(await App.LatestEmailAsync("megan@e2e.example")).Groups[1].Value;
        await Page.GotoAsync(link);
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Email address confirmed");
        await AssertAccessibleAsync();

        await Page.GetByTestId("verify-link").ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Check your details against the voter roll");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check my details" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter your reference number");
        await AssertAccessibleAsync();

        // Other browser tests seed rolls of their own in the same council.
        await Page.Locator("#rollId").SelectOptionAsync(roll.ToString());
        await Page.GetByLabel("Reference number").FillAsync("ct-77001");
        await Page.GetByLabel("Day").FillAsync("30");
        await Page.GetByLabel("Month").FillAsync("6");
        await Page.GetByLabel("Year").FillAsync("1985");
        await Page.GetByLabel("Postcode").FillAsync("cf10 1aa");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check my details" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("You are on the roll");
        await AssertAccessibleAsync();
        AssertNoConsoleErrors();
    }

    [GeneratedRegex(@"https?://[^/\s]+(/account/confirm-email\S+)")]
    private static partial Regex ConfirmLink();
}
