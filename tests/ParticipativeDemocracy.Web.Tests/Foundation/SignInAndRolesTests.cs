using System.Net;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Foundation;

public sealed class SignInAndRolesTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    private const string Password = "Correct-Horse-Battery-9";

    [Fact]
    public async Task Jobs_dashboard_sends_anonymous_visitors_to_sign_in()
    {
        using var client = Fixture.CreateClient();
        var response = await client.GetAsync("/admin/jobs", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_dashboard_refuses_officers()
    {
        await Fixture.CreateUserAsync("officer@test.example", Password, "Officer");
        using var client = await BrowserSession.SignedInClientAsync(Fixture, "officer@test.example", Password);
        var response = await client.GetAsync("/admin/jobs", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_dashboard_opens_for_administrators()
    {
        await Fixture.CreateUserAsync("admin@test.example", Password, "Administrator");
        using var client = await BrowserSession.SignedInClientAsync(Fixture, "admin@test.example", Password);
        var response = await client.GetAsync("/admin/jobs", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ParticipativeDemocracy jobs", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_linked_error()
    {
        await Fixture.CreateUserAsync("officer@test.example", Password, "Officer");
        using var client = Fixture.CreateClient();
        var response = await BrowserSession.SignInAsync(client, "officer@test.example", "wrong-password");
        var page = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is a problem", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#email\">The email address or password is not right</a>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/processes", null, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Empty_form_names_both_missing_fields()
    {
        using var client = Fixture.CreateClient();
        var response = await BrowserSession.SignInAsync(client, "", "");
        var page = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Enter your email address", page, StringComparison.Ordinal);
        Assert.Contains("Enter your password", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_locks_after_five_failures()
    {
        await Fixture.CreateUserAsync("officer@test.example", Password, "Officer");
        using var client = Fixture.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await BrowserSession.SignInAsync(client, "officer@test.example", "wrong-password");
        }

        var response = await BrowserSession.SignInAsync(client, "officer@test.example", Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Try again in 15 minutes", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_never_redirects_off_site()
    {
        await Fixture.CreateUserAsync("officer@test.example", Password, "Officer");
        using var client = Fixture.CreateClient();
        var response = await BrowserSession.SignInAsync(client, "officer@test.example", Password, returnUrl: "//evil.example/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString);
        Assert.True(!location.IsAbsoluteUri || location.Host == "localhost", $"redirected to {location}");
    }
}
