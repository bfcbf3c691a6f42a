using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Rolls;

internal static class RollHelpers
{
    public const string Password = "Officer-Password-1!";

    public const string Header = "reference,date_of_birth,postcode,district";

    public static async Task<Guid> SeedCouncilAsync(PlatformFixture fixture)
    {
        await using var db = fixture.CreateDbContext();
        var council = new Organisation { Id = Guid.NewGuid(), Name = "Demo council", Slug = "demo", TimeZone = "Europe/London" };
        db.Organisations.Add(council);
        await db.SaveChangesAsync();
        return council.Id;
    }

    public static async Task<HttpClient> OfficerAsync(PlatformFixture fixture)
    {
        await fixture.CreateUserAsync("officer@test.example", Password, "Officer");
        return await BrowserSession.SignedInClientAsync(fixture, "officer@test.example", Password);
    }

    public static async Task<Guid> UploadAsync(HttpClient officer, Guid council, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var response = await officer.PostAsync(new Uri($"/api/rolls?organisationId={council}&name=Register", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Polls the roll until the Hangfire import has finished.</summary>
    public static async Task<JsonElement> WaitForImportAsync(HttpClient officer, Guid roll, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var status = await officer.GetFromJsonAsync<JsonElement>($"/api/rolls/{roll}");
            if (status.GetProperty("status").GetString() != "Importing")
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, "the roll import did not finish in time");
            await Task.Delay(200);
        }
    }

    public static async Task<Guid> ReadyRollAsync(PlatformFixture fixture, string csv)
    {
        var council = await SeedCouncilAsync(fixture);
        using var officer = await OfficerAsync(fixture);
        var roll = await UploadAsync(officer, council, csv);
        Assert.Equal("Ready", (await WaitForImportAsync(officer, roll)).GetProperty("status").GetString());
        return roll;
    }
}
