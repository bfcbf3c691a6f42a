namespace ParticipativeDemocracy.Voting;

/// <summary>Maps ballot kinds to and from Pabulib's <c>vote_type</c> names.</summary>
public static class BallotKinds
{
    public static string ToPabulib(BallotKind kind) => kind switch
    {
        BallotKind.Approval => "approval",
        BallotKind.Cumulative => "cumulative",
        BallotKind.Ordinal => "ordinal",
        BallotKind.ChooseOne => "choose-1",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown ballot kind."),
    };

    public static BallotKind? FromPabulib(string voteType) => voteType.Trim().ToLowerInvariant() switch
    {
        "approval" => BallotKind.Approval,
        "cumulative" or "scoring" => BallotKind.Cumulative,
        "ordinal" => BallotKind.Ordinal,
        "choose-1" or "choose-one" => BallotKind.ChooseOne,
        _ => null,
    };
}
