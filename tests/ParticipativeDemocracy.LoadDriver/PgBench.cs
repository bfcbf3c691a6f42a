using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace ParticipativeDemocracy.LoadDriver;

/// <summary>pgbench inserting one row per transaction at the given concurrency, on the same server and database.</summary>
internal static class PgBench
{
    public static async Task<LoadSample> RunAsync(string pgbench, string connectionString, int clients, int seconds)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var folder = Directory.CreateTempSubdirectory("pd-pgbench-");
        try
        {
            var script = Path.Combine(folder.FullName, "insert.sql");
            await File.WriteAllTextAsync(script, "INSERT INTO app.pgbench_rows (payload, at) VALUES ('[{\"ProjectId\":\"p\",\"Points\":1}]', now());\n");
            var start = new ProcessStartInfo(pgbench)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder.FullName,
            };
            foreach (var arg in new[]
                     {
                         "-h", cs.Host!, "-p", cs.Port.ToString(CultureInfo.InvariantCulture), "-U", cs.Username ?? "postgres", "-n",
                         "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture),
                         "-l", "--log-prefix", Path.Combine(folder.FullName, "log"), "-f", script, cs.Database!,
                     })
            {
                start.ArgumentList.Add(arg);
            }

            if (cs.Password is { } password)
            {
                start.Environment["PGPASSWORD"] = password;
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("pgbench did not start.");
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"pgbench failed: {error}");
            }

            // Per-transaction log lines: client, transaction number, latency in microseconds, ...
            var latencies = Directory.EnumerateFiles(folder.FullName, "log*")
                .SelectMany(File.ReadLines)
                .Select(line => double.Parse(line.Split(' ')[2], CultureInfo.InvariantCulture) / 1000.0)
                .ToList();
            var tps = output.Split('\n').First(l => l.StartsWith("tps = ", StringComparison.Ordinal));
            var perSecond = double.Parse(tps.Split(' ')[2], CultureInfo.InvariantCulture);
            // pgbench's rate leaves out the time its clients took to connect; so does the elapsed time that rate implies.
            return new LoadSample(latencies, TimeSpan.FromSeconds(latencies.Count / perSecond), 0);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
