namespace ParticipativeDemocracy.Web.Data;

/// <summary>SQL functions the migrations create, callable in LINQ queries.</summary>
public static class DatabaseFunctions
{
    /// <summary>
    /// <c>app.ballot_facts_stamp(process)</c> (migration BallotFactsStamp): changes whenever anything a ballot is
    /// checked against changes — the process, its budget settings, eligibility rules, budgets or projects.
    /// </summary>
    public static string BallotFactsStamp(Guid processId) =>
        throw new NotSupportedException($"{nameof(BallotFactsStamp)} only runs inside a database query.");
}
