using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace ParticipativeDemocracy.LoadDriver;

/// <summary>
/// With <c>PD_ALLOCATION_TYPES=1</c>: which types the runtime's allocation sampling (one event about every 100 KB)
/// saw during the measured ballot slices, to find what the bytes allocated per ballot are made of.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _recording;

    public static AllocationSampler? FromEnvironment() =>
        Environment.GetEnvironmentVariable("PD_ALLOCATION_TYPES") == "1" ? new AllocationSampler() : null;

    /// <summary>Records from now on, adding to what earlier slices recorded.</summary>
    public void Record() => _recording = true;

    public void Pause() => _recording = false;

    public void Print(int ballots)
    {
        var total = Math.Max(1, _bytes.Values.Sum());
        Console.WriteLine("Sampled allocations by type (share of sampled bytes; bytes a ballot):");
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(40))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bytes * 100.0 / total,5:F1} % {bytes / (double)Math.Max(1, ballots),8:F0} B  {type}"));
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
        {
            return;
        }

        var type = eventData.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a], CultureInfo.InvariantCulture) : 0;
        _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
