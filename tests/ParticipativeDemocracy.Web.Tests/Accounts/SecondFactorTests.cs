using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Accounts;

public sealed partial class SecondFactorTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    private const string Password = "Officer-Password-1!";

    [Fact]
    public async Task New_officer_must_enrol_an_authenticator_before_acting_as_an_officer()
    {
        var officer = await CreateOfficerWithoutAppAsync("new-officer@test.example");
        using var client = Fixture.CreateClient();
        var signIn = await BrowserSession.SignInAsync(client, officer, Password);
        Assert.StartsWith("/account/authenticator", signIn.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/rolls/" + Guid.NewGuid(), Cancel)).StatusCode);

        var page = await client.GetStringAsync("/account/authenticator", Cancel);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        var key = KeyPattern().Match(page).Groups[1].Value;
        var wrong = await BrowserSession.SubmitFormAsync(client, "/account/authenticator", "authenticator",
            new Dictionary<string, string> { ["Input.Code"] = "000000" });
        Assert.Contains("The code is not right", await wrong.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var enrolled = await BrowserSession.SubmitFormAsync(client, "/account/authenticator", "authenticator",
            new Dictionary<string, string> { ["Input.Code"] = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp() });
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/rolls/" + Guid.NewGuid(), Cancel)).StatusCode);

        using var later = Fixture.CreateClient();
        var password = await BrowserSession.SignInAsync(later, officer, Password);
        Assert.StartsWith("/account/two-factor", password.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var bad = await BrowserSession.SubmitFormAsync(later, password.Headers.Location!.PathAndQuery, "two-factor",
            new Dictionary<string, string> { ["Input.Code"] = "123456" });
        Assert.Contains("The code is not right", await bad.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await later.GetAsync("/api/rolls/" + Guid.NewGuid(), Cancel)).StatusCode);
        var good = await BrowserSession.SubmitFormAsync(later, password.Headers.Location!.PathAndQuery, "two-factor",
            new Dictionary<string, string> { ["Input.Code"] = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp() });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await later.GetAsync("/api/rolls/" + Guid.NewGuid(), Cancel)).StatusCode);
    }

    [Fact]
    public async Task Residents_sign_in_with_a_password_alone()
    {
        await Fixture.CreateUserAsync("resident@test.example", Password, "Resident");
        using var client = Fixture.CreateClient();
        var response = await BrowserSession.SignInAsync(client, "resident@test.example", Password);
        Assert.Equal("/", response.Headers.Location!.PathAndQuery);
    }

    private async Task<string> CreateOfficerWithoutAppAsync(string email)
    {
        await Fixture.CreateUserAsync(email, Password, "Resident");
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.True((await users.AddToRoleAsync(user, "Officer")).Succeeded);
        return email;
    }

    [GeneratedRegex("data-testid=\"authenticator-key\">([A-Z2-7]+)<")]
    private static partial Regex KeyPattern();
}
