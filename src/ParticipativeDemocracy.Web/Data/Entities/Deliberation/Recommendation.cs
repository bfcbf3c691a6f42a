namespace ParticipativeDemocracy.Web.Data.Entities.Deliberation;

/// <summary>A recommendation drafted by members; a final vote with a threshold decides whether it is in the report.</summary>
public sealed class Recommendation
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    public required string Code { get; set; }

    public required string Title { get; set; }

    public required string Text { get; set; }

    public Guid DraftedById { get; set; }

    public required string DraftedByName { get; set; }

    public RecommendationStatus Status { get; set; }

    public int ThresholdPercent { get; set; }

    public DateTimeOffset? VoteOpenedAt { get; set; }

    public DateTimeOffset? VoteClosedAt { get; set; }

    public int Support { get; set; }

    public int Oppose { get; set; }

    public int Abstain { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum RecommendationStatus
{
    Draft,
    Voting,
    Adopted,
    NotAdopted,
}

public sealed class RecommendationVote
{
    public Guid RecommendationId { get; set; }

    public Guid UserId { get; set; }

    public VoteChoice Choice { get; set; }

    public DateTimeOffset CastAt { get; set; }
}

public enum VoteChoice
{
    Support,
    Oppose,
    Abstain,
}

/// <summary>The council's answer to a recommendation, then its progress updates ("you said, we did").</summary>
public sealed class RecommendationResponse
{
    public Guid Id { get; set; }

    public Guid RecommendationId { get; set; }

    public ResponseKind Kind { get; set; }

    public ResponseDecision? Decision { get; set; }

    public required string Text { get; set; }

    public string? Timeline { get; set; }

    public required string RecordedByName { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

public enum ResponseKind
{
    Response,
    Progress,
}

public enum ResponseDecision
{
    Accepted,
    Partly,
    Rejected,
}

/// <summary>A signed-in resident who asked to hear what happens to the jury's recommendations.</summary>
public sealed class JuryFollower
{
    public Guid ProcessId { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset FollowedAt { get; set; }
}
