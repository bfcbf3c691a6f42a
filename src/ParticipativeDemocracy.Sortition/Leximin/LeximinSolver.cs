namespace ParticipativeDemocracy.Sortition.Leximin;

/// <summary>
/// LEXIMIN by column generation (Flanigan et al., Nature 2021, on agent types): each stage maximises the
/// smallest probability among types not yet fixed; types whose dual weight is positive at the optimum
/// cannot do better in any optimum and are fixed at that value; repeat until every type is fixed.
/// The last stage's solution is the lottery. First, though, it tries <see cref="RelaxedLottery"/>, which on most
/// pools gives the leximin probabilities without any stage.
/// </summary>
/// <param name="stagesOnly">Skips the relaxation (tests compare both routes).</param>
internal sealed class LeximinSolver(Instance instance, Deadline deadline, IProgress<string>? progress, bool stagesOnly = false) : IDisposable
{
    private const double PricingTolerance = 1e-7;
    private const double FixingThreshold = 1e-6;

    /// <summary>A stage also ends once its LP value is this close to a proven upper bound.</summary>
    private const double StageGap = 1e-6;

    private const double PruneAbove = 1.5;

    /// <summary>
    /// Above this many simplex pivots per master solve (the degenerate late stages of large pools), a round
    /// prices the LP's own duals and adds <see cref="ManyPenalised"/> first-dive panels. Pivots, not seconds,
    /// so the path (and the lottery) is the same on every run. The gate counts the dedicated simplex's pivots
    /// (session 5), about a third as many per solve as GLOP's did (the gate was 600 then).
    /// </summary>
    private const long CostlyPivots = 100;
    private const int FewPenalised = 7;
    private const int ManyPenalised = 20;

    /// <summary>
    /// Above this many pivots × groups (a pivot's cost grows with the basis, one row per group), a costly round
    /// adds <see cref="MostPenalised"/> panels: a master solve then costs more than 20 more dives.
    /// </summary>
    private const long CostliestWork = 200_000;
    private const int MostPenalised = 40;

    private PanelSet _panels = new();
    private readonly StageMaster _master = new(instance);
    private readonly SolverStats _stats = new();
    private readonly double?[] _fixed = new double?[instance.Types.Count];

    /// <summary>Whether the last <see cref="Solve"/> decomposed the relaxation's optimum (no stage was solved).</summary>
    public bool Decomposed { get; private set; }

    /// <summary>
    /// The relaxation first, before any start panel (they would take most of a decomposed draw). Only when it fails
    /// does the column generation start; if that finds types no panel can hold, the relaxation is tried once more
    /// with them at 0, as it may have handed them a share.
    /// </summary>
    public LeximinDistribution Solve()
    {
        var direct = stagesOnly ? null : RelaxedLottery.Find(instance, _fixed, deadline, progress);
        if (direct is not null)
        {
            Decomposed = true;
            return direct;
        }

        using var oracle = new PanelOracle(instance, deadline.Remaining, _stats);
        foreach (var panel in InitialPanels.Find(instance, oracle, deadline))
        {
            AddPanel(panel, _master);
        }

        FixNeverSelectable(oracle, _master);
        var retried = stagesOnly || !_fixed.Contains(0) ? null : RelaxedLottery.Find(instance, _fixed, deadline, progress);
        Decomposed = retried is not null;
        return retried ?? RunStages(oracle);
    }

    public void Dispose() => _master.Dispose();

    private LeximinDistribution RunStages(PanelOracle oracle)
    {
        StageSolution? last = null;
        var stage = 0;
        while (_fixed.Any(f => f is null))
        {
            _master.SetStage(_fixed);
            last = OptimiseStage(oracle, _master);
            FixTightTypes(last);
            stage++;
            progress?.Report(
                $"LEXIMIN stage {stage}: minimum {last.Value:0.000000}, {_fixed.Count(f => f is not null)}/{_fixed.Length} groups fixed, {_panels.Count} panels, {deadline.Elapsed.TotalSeconds:0.0} s; {_stats}");
            PruneTo(last.Support);
        }

        return LeximinDistribution.From(last?.Support ?? [new TypePanel(_panels.Panels[0], 1)]);
    }

    /// <summary>
    /// Restarts the master from the panels the last lottery uses: it still satisfies every fixed row, and a
    /// solve's cost grows with the columns, most of which later stages never use again. The panel set
    /// restarts too, so a dropped panel can come back when pricing finds it again.
    /// </summary>
    private void PruneTo(IReadOnlyList<TypePanel> support)
    {
        if (_panels.Count <= PruneAbove * _fixed.Length || _fixed.All(f => f is not null))
        {
            return;
        }

        _panels = new PanelSet();
        foreach (var counts in _master.Prune(support))
        {
            _panels.Add(counts);
        }
    }

    /// <summary>
    /// Column generation until the LP's own duals price out no better panel, or until the LP value meets
    /// the best Lagrangian bound. Smoothed duals are priced first because they converge in far fewer
    /// rounds. Every round also adds a batch of penalised panels: they are cheap to find and save master solves.
    /// Where a master solve costs many pivots (the late stages of large pools), a round prices the LP's own
    /// duals and adds 20 penalised panels, each the first one a single dive finds (smoothing there only slowed
    /// the tail, whose Lagrangian bound stays far above the LP value). With GLOP's costly solves 60 paid; with
    /// the dedicated simplex a solve costs less than the panel LPs of 20 more dives on the 5-category pool, and
    /// 20 measured best there. Where a solve's pivots × groups exceed 200,000 (the 6-category pool: 857 groups,
    /// solves of 500–1,000 pivots), 40 panels save a quarter of the master solves and a sixth of the pivots.
    /// The gates count pivots, not seconds, so a draw is reproducible.
    /// </summary>
    private StageSolution OptimiseStage(PanelOracle oracle, StageMaster master)
    {
        var pricer = new StagePricer(instance, oracle, _fixed, deadline);
        var stabiliser = new DualStabiliser();
        var smooth = true;
        while (true)
        {
            deadline.ThrowIfExpired("LEXIMIN");
            var solution = _stats.TimeMaster(() => master.Solve(deadline.Remaining), () => master.LastIterations);
            if (stabiliser.Bound - solution.Value <= StageGap)
            {
                return solution;
            }

            var costly = master.LastIterations > CostlyPivots;
            smooth &= !costly;
            var priced = pricer.Price(smooth ? stabiliser.Smoothed(solution.Y) : solution.Y);
            stabiliser.Offer(priced.Y, priced.Bound);
            var added = false;
            var penalised = !costly ? FewPenalised
                : master.LastIterations * _fixed.Length > CostliestWork ? MostPenalised : ManyPenalised;
            foreach (var panel in pricer.ImprovingColumns(priced, solution, penalised, costly))
            {
                added |= AddPanel(panel, master);
            }

            if (!added && !smooth)
            {
                return solution;
            }

            smooth = added;
        }
    }

    private void FixTightTypes(StageSolution solution)
    {
        var unfixed = Enumerable.Range(0, _fixed.Length).Where(t => _fixed[t] is null).ToList();
        var tight = unfixed.Where(t => solution.Y[t] > FixingThreshold).ToList();
        if (tight.Count == 0)
        {
            tight.Add(unfixed.MaxBy(t => solution.Y[t]));
        }

        foreach (var t in tight)
        {
            _fixed[t] = Math.Max(0, solution.Value - PricingTolerance);
        }
    }

    private void FixNeverSelectable(PanelOracle oracle, StageMaster master)
    {
        var covered = new bool[_fixed.Length];
        foreach (var panel in _panels.Panels)
        {
            MarkCovered(panel, covered);
        }

        for (var t = 0; t < covered.Length; t++)
        {
            if (covered[t])
            {
                continue;
            }

            deadline.ThrowIfExpired("LEXIMIN");
            var weights = Enumerable.Range(0, covered.Length).Select(u => u == t ? 1.0 : 0.0).ToArray();
            var panel = oracle.Best(weights)!;
            if (panel[t] == 0)
            {
                _fixed[t] = 0;
                continue;
            }

            AddPanel(panel, master);
            MarkCovered(panel, covered);
        }
    }

    private static void MarkCovered(int[] panel, bool[] covered)
    {
        for (var t = 0; t < panel.Length; t++)
        {
            covered[t] |= panel[t] > 0;
        }
    }

    private bool AddPanel(int[] counts, StageMaster master)
    {
        if (!_panels.Add(counts))
        {
            return false;
        }

        master.AddColumn(counts);
        return true;
    }
}
