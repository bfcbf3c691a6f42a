namespace ParticipativeDemocracy.Sortition.Leximin.MasterLp;

internal enum SimplexOutcome
{
    Optimal,
    Trouble,
    TimedOut,
}
