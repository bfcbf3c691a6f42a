using Microsoft.Playwright;

namespace ParticipativeDemocracy.E2E;

public sealed class FoundationTests(AppUnderTest app, Browser browser) : PageSession(app, browser)
{
    [Fact]
    public async Task Home_page_lists_the_demo_council_processes_accessibly()
    {
        await Page.GotoAsync("/");
        Assert.Equal("Take part", await Page.Locator("h1").InnerTextAsync());
        Assert.Equal(1, await Page.Locator("h1").CountAsync());
        Assert.Contains("Riverside community budget 2027", await Page.Locator("[data-testid=process-list]").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync();
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Administrator_signs_in_enrols_an_authenticator_app_and_sees_the_administration_links()
    {
        await Page.GotoAsync("/account/sign-in");
        await AssertAccessibleAsync();
        await Page.GetByLabel("Email address").FillAsync("admin@example.org");
        await Page.GetByLabel("Password").FillAsync("Demo-Admin-2026!");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Staff enrol a TOTP authenticator before acting as staff.
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Set up your authenticator app");
        await Assertions.Expect(Page.Locator(".pd-letter__qr svg")).ToBeVisibleAsync();
        await AssertAccessibleAsync();
        var key = await Page.Locator("[data-testid=authenticator-key]").InnerTextAsync();
        await Page.GetByLabel("6-digit code").FillAsync(new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Turn on the second step" }).ClickAsync();

        await Page.WaitForURLAsync(App.BaseAddress.ToString());
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Background jobs" })).ToBeVisibleAsync();
        await AssertAccessibleAsync();
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Sign_in_errors_are_summarised_and_linked_to_their_fields()
    {
        await Page.GotoAsync("/account/sign-in");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var summary = Page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter your email address");
        await Assertions.Expect(summary).ToContainTextAsync("Enter your password");
        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter your password" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#password")).ToBeFocusedAsync();
        await AssertAccessibleAsync();
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Reader_switches_to_welsh()
    {
        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Cymraeg" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Cymryd rhan");
        Assert.Equal("cy", await Page.Locator("html").GetAttributeAsync("lang"));
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task Home_page_fits_a_320_pixel_screen()
    {
        await Page.SetViewportSizeAsync(320, 640);
        await Page.GotoAsync("/");
        var overflow = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page scrolls sideways by {overflow}px at 320px");
    }
}
