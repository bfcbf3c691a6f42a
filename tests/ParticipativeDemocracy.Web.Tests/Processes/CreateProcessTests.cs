using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Processes;

public sealed class CreateProcessTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    private const string OfficerEmail = "officer@test.example";
    private const string Password = "Officer-Password-1!";

    [Fact]
    public async Task Anonymous_caller_cannot_create_a_process()
    {
        using var client = Fixture.CreateClient();
        var response = await client.PostAsJsonAsync("/api/processes", new { title = "x" }, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Resident_cannot_create_a_process()
    {
        await Fixture.CreateUserAsync("resident@test.example", Password, "Resident");
        using var client = await BrowserSession.SignedInClientAsync(Fixture, "resident@test.example", Password);
        var response = await client.PostAsJsonAsync("/api/processes", new { title = "x" }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Officer_creates_a_published_process_that_the_public_list_shows()
    {
        var council = await SeedCouncilAsync();
        using var client = await OfficerAsync();
        var response = await client.PostAsJsonAsync("/api/processes", new
        {
            organisationId = council.Id,
            kind = "ParticipatoryBudget",
            title = "Parc Glan-yr-Afon: £50k!",
            summary = "Choose what the park gets.",
            opensAt = PlatformFixture.Start.AddDays(-1),
            closesAt = PlatformFixture.Start.AddDays(10),
            publish = true,
        }, Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("parc-glan-yr-afon-50k", created.RootElement.GetProperty("slug").GetString());
        Assert.Equal("Open", created.RootElement.GetProperty("status").GetString());

        using var anonymous = Fixture.CreateClient();
        var list = await anonymous.GetFromJsonAsync<JsonElement>("/api/processes", Cancel);
        var only = Assert.Single(list.EnumerateArray());
        Assert.Equal("Parc Glan-yr-Afon: £50k!", only.GetProperty("title").GetString());
        Assert.Equal("Demo council", only.GetProperty("organisation").GetString());
    }

    [Fact]
    public async Task Drafts_stay_out_of_the_public_list()
    {
        var council = await SeedCouncilAsync();
        using var client = await OfficerAsync();
        var response = await client.PostAsJsonAsync("/api/processes",
            new { organisationId = council.Id, kind = "CitizensJury", title = "Draft jury", publish = false }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var list = await Fixture.CreateClient().GetFromJsonAsync<JsonElement>("/api/processes", Cancel);
        Assert.Empty(list.EnumerateArray());
    }

    [Fact]
    public async Task Same_title_twice_gets_a_distinct_slug()
    {
        var council = await SeedCouncilAsync();
        using var client = await OfficerAsync();
        var body = new { organisationId = council.Id, kind = "ServiceUserPoll", title = "Library hours", publish = false };
        await client.PostAsJsonAsync("/api/processes", body, Cancel);
        var second = await client.PostAsJsonAsync("/api/processes", body, Cancel);
        using var created = JsonDocument.Parse(await second.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("library-hours-2", created.RootElement.GetProperty("slug").GetString());
    }

    [Fact]
    public async Task Invalid_process_is_a_400_naming_each_field_and_stores_nothing()
    {
        await SeedCouncilAsync();
        using var client = await OfficerAsync();
        var response = await client.PostAsJsonAsync("/api/processes", new
        {
            organisationId = Guid.NewGuid(),
            kind = "ParticipatoryBudget",
            title = "",
            opensAt = PlatformFixture.Start.AddDays(5),
            closesAt = PlatformFixture.Start.AddDays(1),
            publish = true,
        }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("organisationId", out _));
        Assert.Contains("after the opening date", errors.GetProperty("closesAt")[0].GetString(), StringComparison.Ordinal);

        await using var db = Fixture.CreateDbContext();
        Assert.Equal(0, await db.Processes.CountAsync(Cancel));
    }

    private async Task<HttpClient> OfficerAsync()
    {
        await Fixture.CreateUserAsync(OfficerEmail, Password, "Officer");
        return await BrowserSession.SignedInClientAsync(Fixture, OfficerEmail, Password);
    }

    private async Task<Organisation> SeedCouncilAsync()
    {
        await using var db = Fixture.CreateDbContext();
        var council = new Organisation { Id = Guid.NewGuid(), Name = "Demo council", Slug = "demo", TimeZone = "Europe/London" };
        db.Organisations.Add(council);
        await db.SaveChangesAsync(Cancel);
        return council;
    }
}
