namespace ParticipativeDemocracy.Sortition.Leximin.PanelLp;

internal enum LpStatus
{
    Optimal,
    Infeasible,

    /// <summary>Numerical trouble or the iteration limit: the caller must decide another way.</summary>
    Trouble,
}
