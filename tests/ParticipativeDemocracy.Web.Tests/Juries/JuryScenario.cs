using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Juries;

/// <summary>Builds a jury through the API as an officer would: a process, its quotas, a pool.</summary>
public sealed class JuryScenario
{
    public const string Password = OfficerProcess.Password;

    private JuryScenario(PlatformFixture fixture, HttpClient officer, Guid processId, string slug)
    {
        Fixture = fixture;
        Officer = officer;
        ProcessId = processId;
        Slug = slug;
    }

    public PlatformFixture Fixture { get; }

    public HttpClient Officer { get; }

    public Guid ProcessId { get; }

    public string Slug { get; }

    public string Url(string tail = "") => $"/api/juries/{ProcessId}{tail}";

    /// <summary>Two features: gender (F/M) and age (young/old), 3 of each kind on a panel of 6 by default.</summary>
    public static object Quotas(int youngMin = 3, int youngMax = 3) => new object[]
    {
        new { category = "gender", value = "Female", min = 3, max = 3 },
        new { category = "gender", value = "Male", min = 3, max = 3 },
        new { category = "age", value = "16-39", min = youngMin, max = youngMax },
        new { category = "age", value = "40+", min = 6 - youngMax, max = 6 - youngMin },
    };

    public static object Settings(object? quotas = null, int panelSize = 6) => new
    {
        remit = "How should the council cut air pollution around schools?", panelSize, quotas = quotas ?? Quotas(),
        recruitmentOpensAt = PlatformFixture.Start.AddDays(-1), recruitmentClosesAt = PlatformFixture.Start.AddDays(20), responseDays = 7,
    };

    public static async Task<JuryScenario> CreateAsync(PlatformFixture fixture, object? settings = null)
    {
        var (officer, processId, slug) = await OfficerProcess.CreateAsync(
            fixture, "officer@jury.example",
            new ProcessDraft("CitizensJury", "Clean air jury", PlatformFixture.Start, PlatformFixture.Start.AddDays(60)));
        var scenario = new JuryScenario(fixture, officer, processId, slug);
        var configured = await officer.PutAsJsonAsync(scenario.Url(), settings ?? Settings());
        Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
        return scenario;
    }

    /// <summary>A pool of <paramref name="count"/> people cycling through the four feature combinations; pairs share a household when asked.</summary>
    public static string PoolCsv(int count, bool households = false, int start = 1)
    {
        var csv = new StringBuilder("id,name,email,gender,age,address_line_1,postcode,availability,access_needs\n");
        for (var i = start; i < start + count; i++)
        {
            var gender = i % 2 == 0 ? "Female" : "Male";
            var age = i / 2 % 2 == 0 ? "16-39" : "40+";
            var address = households ? $"{(i + 1) / 2} High Street" : $"{i} High Street";
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"P{i:D3},Person {i},p{i}@pool.example,{gender},{age},{address},CF10 1AA,Evenings,\n");
        }

        return csv.ToString();
    }

    public async Task<HttpResponseMessage> ImportAsync(string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        return await Officer.PostAsync(new Uri(Url("/volunteers.csv"), UriKind.Relative), content);
    }

    public async Task<JsonElement> StartDrawAsync(long seed = 42)
    {
        var started = await Officer.PostAsJsonAsync(Url("/draws"), new { seed });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        return await started.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls the draw until the Hangfire job has finished it.</summary>
    public async Task<JsonElement> WaitForDrawAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var status = await Officer.GetFromJsonAsync<JsonElement>(Url("/draw"));
            if (status.GetProperty("status").GetString() is not ("Queued" or "Running"))
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, "the draw did not finish in time");
            await Task.Delay(200);
        }
    }

    public async Task<JsonElement> DrawnAsync(int poolSize = 24, bool households = false)
    {
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(PoolCsv(poolSize, households))).StatusCode);
        await StartDrawAsync();
        var status = await WaitForDrawAsync();
        Assert.Equal("Succeeded", status.GetProperty("status").GetString());
        return status;
    }
}
