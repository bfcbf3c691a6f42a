namespace ParticipativeDemocracy.Voting;

/// <summary>How voters expressed themselves (Pabulib <c>vote_type</c>).</summary>
public enum BallotKind
{
    Approval,
    Cumulative,
    Ordinal,
    ChooseOne,
}
