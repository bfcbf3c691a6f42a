namespace ParticipativeDemocracy.Sortition.Leximin;

/// <summary>
/// Wentges smoothing: price a mix of the LP's duals and the best duals seen so far (the "centre"), which
/// damps the oscillation that makes plain column generation tail off. Every priced dual also yields an
/// upper bound on the stage value (Lagrangian bound), so a stage stops once bound and LP value meet.
/// </summary>
internal sealed class DualStabiliser
{
    private const double Alpha = 0.6;

    public double[]? Center { get; private set; }

    public double Bound { get; private set; } = double.PositiveInfinity;

    public double[] Smoothed(double[] lpDuals)
    {
        return Center is null
            ? lpDuals
            : lpDuals.Select((y, t) => Alpha * Center[t] + (1 - Alpha) * y).ToArray();
    }

    public void Offer(double[] y, double bound)
    {
        if (bound < Bound)
        {
            Bound = bound;
            Center = y;
        }
    }
}
