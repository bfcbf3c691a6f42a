using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ParticipativeDemocracy.E2E;

/// <summary>A fresh browser context per test, recording console errors and failed page scripts.</summary>
public abstract class PageSession(AppUnderTest app, Browser browser) : IAsyncLifetime
{
    private readonly Dictionary<string, string> _authenticatorKeys = new(StringComparer.OrdinalIgnoreCase);
    private IBrowserContext? _context;

    protected List<string> ConsoleErrors { get; } = [];

    protected IPage Page { get; private set; } = null!;

    protected AppUnderTest App { get; } = app;

    public async ValueTask InitializeAsync()
    {
        _context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseAddress.ToString() });
        Page = await _context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add(message.Text);
            }
        };
        Page.PageError += (_, error) => ConsoleErrors.Add(error);
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }

    /// <summary>A staff account whose authenticator key this session holds, so signing in answers the second step.</summary>
    protected async Task CreateStaffAsync(string email, string password, string role) =>
        _authenticatorKeys[email] = await App.CreateStaffWithAuthenticatorAsync(email, password, role);

    protected Task SignInAsync(string email, string password) => SignInAsync(Page, email, password);

    protected async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        if (_authenticatorKeys.TryGetValue(email, out var key))
        {
            // Staff answer the second step with the code their authenticator app would show.
            await page.GetByLabel("6-digit code").FillAsync(new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp());
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    protected async Task SignOutAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    protected async Task AssertAccessibleAsync()
    {
        AxeResult result = await Page.RunAxe();
        var violations = result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})").ToList();
        Assert.True(violations.Count == 0, "axe-core violations:\n" + string.Join("\n", violations));
    }

    protected void AssertNoConsoleErrors() =>
        Assert.True(ConsoleErrors.Count == 0, "console errors:\n" + string.Join("\n", ConsoleErrors));
}
