namespace ParticipativeDemocracy.Sortition.Leximin;

/// <summary>
/// Leximin over the panel relaxation (<see cref="RelaxedLeximin"/>, one small LP a stage), its last optimum then
/// written as a lottery of panels (<see cref="FaceDecomposition"/>), with no column generation at all. A lottery
/// that meets the relaxed floors is leximin: every lottery's expected panel lies in the relaxation, so none does
/// lexicographically better. On the generated and reference pools the relaxed stage values are the true ones and
/// the decomposition succeeds.
/// </summary>
internal static class RelaxedLottery
{
    /// <summary>
    /// How far the lottery drawn from may fall below a floor (itself a stage value less 1e-7): dropping panels
    /// below 1e-9 (<see cref="LeximinDistribution.From"/>) and the decomposition's last sliver of mass
    /// cost up to ~1.5e-9 on the shared and generated pools.
    /// </summary>
    private const double FloorTolerance = 1e-8;

    /// <summary>
    /// Null when it fails (a face of the relaxation without a whole panel, a search that runs long, or floors
    /// missed): the caller then goes stage by stage.
    /// </summary>
    public static LeximinDistribution? Find(Instance instance, IReadOnlyList<double?> fixedProbability, Deadline deadline, IProgress<string>? progress)
    {
        var relaxed = RelaxedLeximin.Solve(instance, fixedProbability, deadline.Remaining);
        if (relaxed is null || relaxed.StageValues.Count == 0)
        {
            return null;
        }

        var upper = instance.Types.Select((type, t) => fixedProbability[t] == 0 ? 0.0 : type.Size).ToArray();
        var (lottery, panelLps) = FaceDecomposition.Decompose(instance, relaxed.Point, upper, deadline);
        var distribution = lottery is null ? null : LeximinDistribution.From(lottery);
        var met = distribution is not null && MeetsFloors(instance, distribution, relaxed.Floors);
        progress?.Report(
            $"LEXIMIN relaxation: {relaxed.StageValues.Count} stages, minimum {relaxed.StageValues[0]:0.000000}; decomposed into {lottery?.Count ?? 0} panels ({panelLps} panel LPs){(met ? "" : ", floors missed: stage by stage")}, {deadline.Elapsed.TotalSeconds:0.0} s");
        return met ? distribution : null;
    }

    private static bool MeetsFloors(Instance instance, LeximinDistribution lottery, double[] floors) =>
        lottery.TypeProbabilities(instance).Select((s, t) => floors[t] - s).All(shortfall => shortfall <= FloorTolerance);
}
