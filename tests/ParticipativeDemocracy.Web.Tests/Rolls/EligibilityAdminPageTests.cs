using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Rolls;

public sealed partial class EligibilityAdminPageTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Officer_sets_the_rules_on_the_page_and_the_api_reads_them_back()
    {
        var (officer, process) = await ProcessAsync();
        var defaults = await officer.GetFromJsonAsync<JsonElement>($"/api/processes/{process}/eligibility", Cancel);
        Assert.False(defaults.GetProperty("rollRequired").GetBoolean());
        Assert.Equal(JsonValueKind.Null, defaults.GetProperty("minimumAge").ValueKind);

        var url = $"/admin/processes/{process}/eligibility";
        var saved = await BrowserSession.SubmitFormAsync(officer, url, "eligibility-rules", new Dictionary<string, string>
        {
            ["minimumAge"] = "16", ["ageOnDate"] = "2027-03-01", ["districts"] = "Riverside\nCanton, Ely", ["rollRequired"] = "true",
        });
        Assert.Contains("The rules are saved.", await saved.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var rules = await officer.GetFromJsonAsync<JsonElement>($"/api/processes/{process}/eligibility", Cancel);
        Assert.Equal(16, rules.GetProperty("minimumAge").GetInt32());
        Assert.Equal("2027-03-01", rules.GetProperty("ageOnDate").GetString());
        Assert.Equal(["Riverside", "Canton", "Ely"], rules.GetProperty("districts").EnumerateArray().Select(d => d.GetString()));
        Assert.True(rules.GetProperty("rollRequired").GetBoolean());
        var page = await officer.GetStringAsync(url, Cancel);
        Assert.Contains("value=\"16\"", page, StringComparison.Ordinal);
        Assert.Matches("id=\"districts\"[^>]*>Riverside(\\s|&#xA;|&#10;)+Canton(\\s|&#xA;|&#10;)+Ely</textarea>", page);
    }

    [Fact]
    public async Task An_invalid_age_is_named_on_the_page_and_the_stored_rules_stay()
    {
        var (officer, process) = await ProcessAsync();
        var url = $"/admin/processes/{process}/eligibility";
        await BrowserSession.SubmitFormAsync(officer, url, "eligibility-rules", new Dictionary<string, string> { ["minimumAge"] = "18" });

        var refused = await BrowserSession.SubmitFormAsync(officer, url, "eligibility-rules",
            new Dictionary<string, string> { ["minimumAge"] = "eighteen", ["ageOnDate"] = "2027-02-30" });
        var html = await refused.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<a href=\"#minimumAge\">Enter the minimum age as a whole number", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#ageOnDate\">Enter a real date.</a>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"eighteen\"", html, StringComparison.Ordinal);

        var tooOld = await BrowserSession.SubmitFormAsync(officer, url, "eligibility-rules", new Dictionary<string, string> { ["minimumAge"] = "130" });
        Assert.Contains("href=\"#minimumAge\"", await tooOld.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var rules = await officer.GetFromJsonAsync<JsonElement>($"/api/processes/{process}/eligibility", Cancel);
        Assert.Equal(18, rules.GetProperty("minimumAge").GetInt32());
    }

    [Fact]
    public async Task Officer_uploads_a_roll_on_the_page_and_sees_its_progress_and_refused_rows()
    {
        var (officer, process) = await ProcessAsync();
        var url = $"/admin/processes/{process}/eligibility";
        var csv = $"{RollHelpers.Header}\nCT-1,1980-01-01,CF10 1AA,Riverside\nCT-2,not-a-date,CF10 1AA,Riverside\n";

        var uploaded = await UploadThroughPageAsync(officer, url, "Electoral register 2027", csv);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);

        var rolls = await officer.GetFromJsonAsync<JsonElement>($"/api/rolls/by-process/{process}", Cancel);
        var roll = Assert.Single(rolls.EnumerateArray());
        Assert.Equal("Electoral register 2027", roll.GetProperty("name").GetString());
        Assert.True(roll.GetProperty("forThisProcessOnly").GetBoolean());
        await RollHelpers.WaitForImportAsync(officer, roll.GetProperty("id").GetGuid());

        var page = await officer.GetStringAsync(url, Cancel);
        Assert.Contains("Refused rows of Electoral register 2027 (1)", page, StringComparison.Ordinal);
        Assert.Contains("Row 3:", page, StringComparison.Ordinal);
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(1, await db.VoterRollEntries.CountAsync(Cancel));
    }

    [Fact]
    public async Task An_upload_without_a_file_is_refused_on_the_page_and_nothing_is_stored()
    {
        var (officer, process) = await ProcessAsync();
        var url = $"/admin/processes/{process}/eligibility";

        var refused = await UploadThroughPageAsync(officer, url, "Empty", csv: null);

        Assert.Contains("<a href=\"#content\">Choose a CSV file to upload.</a>", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(0, await db.VoterRolls.CountAsync(Cancel));
    }

    [Fact]
    public async Task Rolls_of_other_processes_are_not_listed_and_residents_are_refused()
    {
        var (officer, process) = await ProcessAsync();
        var council = await CouncilOfAsync(process);
        var other = await CreateProcessAsync(officer, council, "Other poll");
        using (var content = new StringContent($"{RollHelpers.Header}\nCT-1,1980-01-01,CF10 1AA,Riverside\n", Encoding.UTF8, "text/csv"))
        {
            (await officer.PostAsync(new Uri($"/api/rolls?organisationId={council}&processId={other}&name=Theirs", UriKind.Relative), content, Cancel)).EnsureSuccessStatusCode();
        }

        using (var content = new StringContent($"{RollHelpers.Header}\nCT-2,1980-01-01,CF10 1AA,Riverside\n", Encoding.UTF8, "text/csv"))
        {
            (await officer.PostAsync(new Uri($"/api/rolls?organisationId={council}&name=Everyone", UriKind.Relative), content, Cancel)).EnsureSuccessStatusCode();
        }

        var rolls = await officer.GetFromJsonAsync<JsonElement>($"/api/rolls/by-process/{process}", Cancel);
        var listed = Assert.Single(rolls.EnumerateArray());
        Assert.Equal("Everyone", listed.GetProperty("name").GetString());
        Assert.False(listed.GetProperty("forThisProcessOnly").GetBoolean());

        await Fixture.CreateUserAsync("resident@test.example", "Resident-Password-1", "Resident");
        using var resident = await BrowserSession.SignedInClientAsync(Fixture, "resident@test.example", "Resident-Password-1");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"/api/rolls/by-process/{process}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"/api/processes/{process}/eligibility", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/rolls/by-process/{Guid.NewGuid()}", Cancel)).StatusCode);
    }

    private async Task<(HttpClient Officer, Guid Process)> ProcessAsync()
    {
        var council = await RollHelpers.SeedCouncilAsync(Fixture);
        var officer = await RollHelpers.OfficerAsync(Fixture);
        return (officer, await CreateProcessAsync(officer, council, "Riverside budget"));
    }

    private async Task<Guid> CouncilOfAsync(Guid process)
    {
        await using var db = Fixture.CreateDbContext();
        return await db.Processes.Where(p => p.Id == process).Select(p => p.OrganisationId).SingleAsync(Cancel);
    }

    private static async Task<Guid> CreateProcessAsync(HttpClient officer, Guid council, string title)
    {
        var response = await officer.PostAsJsonAsync("/api/processes",
            new { organisationId = council, kind = "ParticipatoryBudget", title, publish = false }, Cancel);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    private static async Task<HttpResponseMessage> UploadThroughPageAsync(HttpClient officer, string url, string name, string? csv)
    {
        var page = await officer.GetStringAsync(url, Cancel);
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent("upload-roll"), "_handler" },
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent(name), "name" },
            { new StringContent("process"), "scope" },
        };
        if (csv is not null)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "roll.csv");
        }

        return await officer.PostAsync(url, form, Cancel);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
