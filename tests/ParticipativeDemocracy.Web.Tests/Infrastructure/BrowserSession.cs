using System.Collections.Concurrent;
using System.Net;
using OtpNet;
using System.Text.RegularExpressions;

namespace ParticipativeDemocracy.Web.Tests.Infrastructure;

/// <summary>Signs in through the real sign-in form (antiforgery token and all), as a browser would.</summary>
public static partial class BrowserSession
{
    /// <summary>Authenticator keys of the staff accounts tests created, by e-mail.</summary>
    public static ConcurrentDictionary<string, string> AuthenticatorKeys { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static string CurrentCode(string email) => new Totp(Base32Encoding.ToBytes(AuthenticatorKeys[email])).ComputeTotp();

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string returnUrl = "/")
    {
        var page = await client.GetStringAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, "The sign-in page has no antiforgery token.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        var response = await client.PostAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}", form);
        var next = response.Headers.Location?.OriginalString ?? "";
        if (response.StatusCode == HttpStatusCode.Redirect && next.Contains("/account/two-factor", StringComparison.Ordinal)
            && AuthenticatorKeys.ContainsKey(email))
        {
            return await SubmitFormAsync(client, next, "two-factor", new Dictionary<string, string> { ["Input.Code"] = CurrentCode(email) });
        }

        return response;
    }

    public static async Task<HttpClient> SignedInClientAsync(PlatformFixture fixture, string email, string password)
    {
        var client = fixture.CreateClient();
        var response = await SignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Loads a page, then posts one of its forms with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        HttpClient client, string url, string formName, IDictionary<string, string> fields)
    {
        using var loaded = await client.GetAsync(url);
        Assert.True(loaded.IsSuccessStatusCode, $"GET {url} answered {(int)loaded.StatusCode}. Server errors:{Environment.NewLine}{ServerErrorLog.Latest()}");
        var page = await loaded.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"{url} has no antiforgery token.");
        var values = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        };
        using var form = new FormUrlEncodedContent(values);
        return await client.PostAsync(url, form);
    }

    /// <summary>The site-relative link in an e-mail body, e.g. "/account/confirm-email?...".</summary>
    public static string LinkIn(string? body, string path)
    {
        var match = Regex.Match(body ?? "", $@"http://localhost({Regex.Escape(path)}\S*)");
        Assert.True(match.Success, $"no {path} link in: {body}");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
