using System.Diagnostics;

namespace ParticipativeDemocracy.Sortition.Leximin;

/// <summary>Where a draw's time goes (integer programs, master solves, pivots), for the progress lines.</summary>
internal sealed class SolverStats
{
    private readonly Stopwatch _pricing = new();
    private readonly Stopwatch _master = new();
    private readonly Stopwatch _relaxation = new();

    public int RelaxationCalls { get; private set; }

    public int Fractional { get; set; }

    public int PricingCalls { get; private set; }

    public int MasterSolves { get; private set; }

    public long Pivots { get; private set; }

    public T TimePricing<T>(Func<T> solve)
    {
        PricingCalls++;
        _pricing.Start();
        try
        {
            return solve();
        }
        finally
        {
            _pricing.Stop();
        }
    }

    public T TimeRelaxation<T>(Func<T> solve)
    {
        RelaxationCalls++;
        _relaxation.Start();
        try
        {
            return solve();
        }
        finally
        {
            _relaxation.Stop();
        }
    }

    public T TimeMaster<T>(Func<T> solve, Func<long> pivots)
    {
        MasterSolves++;
        _master.Start();
        try
        {
            return solve();
        }
        finally
        {
            _master.Stop();
            Pivots += pivots();
        }
    }

    public override string ToString() =>
        $"{RelaxationCalls} panel LPs ({_relaxation.Elapsed.TotalSeconds:0.0} s, {Fractional} fractional), {PricingCalls} panel IPs ({_pricing.Elapsed.TotalSeconds:0.0} s), {MasterSolves} LP solves ({_master.Elapsed.TotalSeconds:0.0} s, {Pivots} pivots)";
}
