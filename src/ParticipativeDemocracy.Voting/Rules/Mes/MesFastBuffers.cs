namespace ParticipativeDemocracy.Voting;

/// <summary>
/// The working arrays of one floating-point run, kept by the engine and reused by the next run:
/// an add1 completion makes hundreds of runs, and on large files the per-group arrays would
/// otherwise be fresh large-object-heap allocations every time.
/// </summary>
internal sealed class MesFastBuffers(MesFastData data)
{
    public MesFastData Data { get; } = data;

    public double[] Money { get; } = new double[data.Weight.Length];

    public double[] Error { get; } = new double[data.Weight.Length];

    public bool[] Alive { get; } = new bool[data.Cost.Length];

    public bool[] Full { get; } = new bool[data.MaxSupporters];

    public bool[] BestFull { get; } = new bool[data.MaxSupporters];

    public int[] Order { get; } = new int[data.Cost.Length];

    public double[] OrderKeys { get; } = new double[data.Cost.Length];

    public int[] Live { get; } = new int[data.SupporterCount];

    public int[] LiveCount { get; } = new int[data.Cost.Length];

    public double[] Spent { get; } = new double[data.Cost.Length];
}
