namespace ParticipativeDemocracy.Web.Common.Hosting;

/// <summary>
/// <c>ParticipativeDemocracy.Web healthcheck [url]</c>: asks a running instance for /health/ready and
/// exits 0 when ready. Container images carry no curl, so the image's HEALTHCHECK uses this.
/// </summary>
public static class HealthCheckVerb
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "healthcheck";

    public static async Task<int> RunAsync(string[] args)
    {
        var target = args.Length > 1 ? args[1] : "http://127.0.0.1:8080/health/ready";
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(new Uri(target));
            Console.WriteLine($"{target}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Console.WriteLine($"{target}: {ex.Message}");
            return 1;
        }
    }
}
