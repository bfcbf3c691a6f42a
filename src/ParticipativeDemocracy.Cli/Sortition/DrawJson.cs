using System.Text;
using System.Text.Json;
using ParticipativeDemocracy.Sortition.Model;

namespace ParticipativeDemocracy.Cli.Sortition;

/// <summary><c>{"panel": [ids], "probabilities": {"id": p}, "min_probability": p, "seed": N}</c>.</summary>
internal static class DrawJson
{
    public static string Format(SortitionProblem problem, DrawResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("panel");
            foreach (var id in result.Panel)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteStartObject("probabilities");
            for (var i = 0; i < problem.Pool.Count; i++)
            {
                json.WriteNumber(problem.Pool[i].Id, Clean(result.Probabilities[i]));
            }

            json.WriteEndObject();
            json.WriteNumber("min_probability", Clean(result.MinProbability));
            json.WriteNumber("seed", result.Seed);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }

    /// <summary>LP solutions carry noise around 1e-12; nine decimals are exact enough and stable to print.</summary>
    private static double Clean(double probability) => Math.Round(Math.Clamp(probability, 0, 1), 9);
}
