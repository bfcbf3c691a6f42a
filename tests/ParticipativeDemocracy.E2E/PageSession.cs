using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ParticipativeDemocracy.E2E;

/// <summary>A fresh browser context per test, recording console errors and failed page scripts.</summary>
public abstract class PageSession(AppUnderTest app, Browser browser) : IAsyncLifetime
{
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

    protected async Task AssertAccessibleAsync()
    {
        AxeResult result = await Page.RunAxe();
        var violations = result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})").ToList();
        Assert.True(violations.Count == 0, "axe-core violations:\n" + string.Join("\n", violations));
    }

    protected void AssertNoConsoleErrors() =>
        Assert.True(ConsoleErrors.Count == 0, "console errors:\n" + string.Join("\n", ConsoleErrors));
}
