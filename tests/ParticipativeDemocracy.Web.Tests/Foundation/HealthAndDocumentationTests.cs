using System.Net;
using System.Text.Json;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Foundation;

public sealed class HealthAndDocumentationTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Liveness_answers_without_touching_dependencies()
    {
        using var client = Fixture.CreateClient();
        var response = await client.GetAsync("/health/live", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Readiness_checks_postgresql_and_hangfire_storage()
    {
        using var client = Fixture.CreateClient();
        var response = await client.GetAsync("/health/ready", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task OpenApi_document_describes_each_slice_with_its_own_schema()
    {
        using var client = Fixture.CreateClient();
        var response = await client.GetAsync("/openapi/v1.json", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/processes", out _));
        Assert.True(paths.TryGetProperty("/api/processes/{id}", out _));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("CreateProcessCommand", out _), "nested Command types must not collapse into one schema");
    }

    [Fact]
    public async Task Interactive_api_reference_page_is_served()
    {
        using var client = Fixture.Factory.CreateClient();
        var response = await client.GetAsync("/api-reference", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        using var client = Fixture.CreateClient();
        var response = await client.GetAsync("/", Cancel);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
