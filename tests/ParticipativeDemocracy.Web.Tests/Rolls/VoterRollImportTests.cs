using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Rolls;

public sealed class VoterRollImportTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Good_rows_are_kept_hashed_and_bad_rows_are_reported_with_row_and_reason()
    {
        var council = await RollHelpers.SeedCouncilAsync(Fixture);
        using var officer = await RollHelpers.OfficerAsync(Fixture);
        var roll = await RollHelpers.UploadAsync(officer, council, """
            reference,date_of_birth,postcode,district
            CT-1001,1980-04-12,CF10 1AA,Riverside
            CT-1002,12/05/1990,cf11 9zz,Canton
            ,1980-01-01,CF10 1AA,Riverside
            CT-1004,1980-13-45,CF10 1AA,Riverside
            CT-1001,1970-01-01,CF10 2BB,Riverside
            CT-1006,2031-01-01,CF10 1AA,Riverside
            CT-1007,1980-01-01
            "CT-1008",1999-09-09,"CF5 4AB","Ely, west"
            """);

        var status = await RollHelpers.WaitForImportAsync(officer, roll);
        Assert.Equal("Ready", status.GetProperty("status").GetString());
        Assert.Equal(8, status.GetProperty("processedRows").GetInt32());
        Assert.Equal(3, status.GetProperty("acceptedRows").GetInt32());
        Assert.Equal(5, status.GetProperty("rejectedRows").GetInt32());
        var problems = status.GetProperty("problems").EnumerateArray()
            .Select(p => (Row: p.GetProperty("row").GetInt32(), Reason: p.GetProperty("reason").GetString()!)).ToList();
        Assert.Equal([4, 5, 6, 7, 8], problems.Select(p => p.Row));
        Assert.Contains("reference is missing", problems[0].Reason, StringComparison.Ordinal);
        Assert.Contains("is not a date", problems[1].Reason, StringComparison.Ordinal);
        Assert.Contains("already appears on row 2", problems[2].Reason, StringComparison.Ordinal);
        Assert.Contains("in the future", problems[3].Reason, StringComparison.Ordinal);
        Assert.Contains("found 2", problems[4].Reason, StringComparison.Ordinal);

        await using var db = Fixture.CreateDbContext();
        var entries = await db.VoterRollEntries.Where(e => e.RollId == roll).ToListAsync(Cancel);
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Matches("^[0-9a-f]{64}$", e.ReferenceHash));
        Assert.DoesNotContain(entries, e => e.ReferenceHash.Contains("1001", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.District == "Ely, west");
        Assert.Equal(0, await db.VoterRollUploads.CountAsync(Cancel));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "UploadRoll", Cancel));
    }

    [Fact]
    public async Task A_file_without_the_header_fails_with_a_row_one_report()
    {
        var council = await RollHelpers.SeedCouncilAsync(Fixture);
        using var officer = await RollHelpers.OfficerAsync(Fixture);
        var roll = await RollHelpers.UploadAsync(officer, council, "CT-1,1980-01-01,CF10 1AA\n");
        var status = await RollHelpers.WaitForImportAsync(officer, roll);
        Assert.Equal("Failed", status.GetProperty("status").GetString());
        Assert.Contains("header", status.GetProperty("problems")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hundred_thousand_rows_import_in_batches()
    {
        var council = await RollHelpers.SeedCouncilAsync(Fixture);
        using var officer = await RollHelpers.OfficerAsync(Fixture);
        var csv = new StringBuilder(RollHelpers.Header + "\n");
        for (var i = 0; i < 100_000; i++)
        {
            csv.Append("REF").Append(i).Append(",1970-01-01,CF10 1AA,D").Append(i % 7).Append('\n');
        }

        csv.Append("bad row\n");
        var roll = await RollHelpers.UploadAsync(officer, council, csv.ToString());
        var status = await RollHelpers.WaitForImportAsync(officer, roll, TimeSpan.FromMinutes(3));
        Assert.Equal(100_000, status.GetProperty("acceptedRows").GetInt32());
        Assert.Equal(100_001, status.GetProperty("processedRows").GetInt32());
        Assert.Equal(100_002, status.GetProperty("problems")[0].GetProperty("row").GetInt32());
    }

    [Fact]
    public async Task Residents_cannot_upload_and_invalid_uploads_name_their_fields()
    {
        var council = await RollHelpers.SeedCouncilAsync(Fixture);
        await Fixture.CreateUserAsync("resident@test.example", RollHelpers.Password, "Resident");
        using var resident = await BrowserSession.SignedInClientAsync(Fixture, "resident@test.example", RollHelpers.Password);
        using var csv = new StringContent("reference,date_of_birth,postcode\n", Encoding.UTF8, "text/csv");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostAsync(new Uri($"/api/rolls?organisationId={council}&name=x", UriKind.Relative), csv, Cancel)).StatusCode);

        using var officer = await RollHelpers.OfficerAsync(Fixture);
        using var empty = new StringContent("", Encoding.UTF8, "text/csv");
        var response = await officer.PostAsync(new Uri($"/api/rolls?organisationId={Guid.NewGuid()}", UriKind.Relative), empty, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("\"organisationId\"", body, StringComparison.Ordinal);
        Assert.Contains("\"name\"", body, StringComparison.Ordinal);
        Assert.Contains("\"content\"", body, StringComparison.Ordinal);
    }
}
