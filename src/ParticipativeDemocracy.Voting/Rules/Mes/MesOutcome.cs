using System.Numerics;

namespace ParticipativeDemocracy.Voting;

/// <summary>One funded project in an Equal Shares run and how its supporters paid for it.</summary>
internal sealed record MesRound(
    int Number,
    int Project,
    long Supporters,
    long FullPayers,
    decimal FullPayersPaid,
    decimal SharePerUtility);

/// <summary>Why a project was left out: its supporters' money at the end against its cost.</summary>
internal sealed record MesShortfall(int Project, long Supporters, decimal Left);

/// <summary>The result of one Equal Shares run at one voter share.</summary>
internal sealed record MesOutcome(
    IReadOnlyList<int> Selected,
    BigInteger Cost,
    IReadOnlyList<MesRound> Rounds,
    IReadOnlyList<MesShortfall> Shortfalls,
    (BigInteger Num, BigInteger Den)? Horizon);
