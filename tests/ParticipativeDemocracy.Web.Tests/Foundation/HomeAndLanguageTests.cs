using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Data.Seeding;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Foundation;

public sealed class HomeAndLanguageTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Home_page_has_a_real_empty_state()
    {
        using var client = Fixture.CreateClient();
        var page = await client.GetStringAsync("/", Cancel);
        Assert.Contains("There is nothing to take part in yet", page, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_page_lists_open_processes_with_their_deadline_in_local_time()
    {
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoCouncilSeeder>().SeedAsync(Cancel);
        }

        using var client = Fixture.CreateClient();
        var page = await client.GetStringAsync("/", Cancel);
        Assert.Contains("Riverside community budget 2027", page, StringComparison.Ordinal);
        Assert.Contains("Library opening hours poll", page, StringComparison.Ordinal);
        // Seeded to close 14 days after 09:00 UTC on 2 November: 09:00 in London (GMT) on 16 November.
        Assert.Contains("Closes 16 November 2026, 09:00", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("Riverside", StringComparison.Ordinal) < page.IndexOf("clean air", StringComparison.OrdinalIgnoreCase),
            "open processes come before upcoming ones");
    }

    [Fact]
    public async Task Choosing_welsh_switches_the_whole_page()
    {
        using var client = Fixture.CreateClient();
        var choose = await client.GetAsync("/language/cy?returnUrl=%2F", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, choose.StatusCode);
        Assert.Equal("/", choose.Headers.Location!.OriginalString);

        var page = await client.GetStringAsync("/", Cancel);
        Assert.Contains("<html lang=\"cy\"", page, StringComparison.Ordinal);
        Assert.Contains("Cymryd rhan", page, StringComparison.Ordinal);
        Assert.Contains("Nid oes dim i gymryd rhan ynddo eto", page, StringComparison.Ordinal);
        Assert.Contains(">English</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browser_language_is_honoured_without_a_cookie()
    {
        using var client = Fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd("cy-GB");
        var page = await (await client.SendAsync(request, Cancel)).Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Cymryd rhan", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsupported_language_is_a_404()
    {
        using var client = Fixture.CreateClient();
        var response = await client.GetAsync("/language/xx?returnUrl=%2F", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
