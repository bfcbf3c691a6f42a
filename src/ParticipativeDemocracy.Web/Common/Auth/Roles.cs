namespace ParticipativeDemocracy.Web.Common.Auth;

public static class Roles
{
    public const string Resident = "Resident";
    public const string JuryMember = "JuryMember";
    public const string Facilitator = "Facilitator";
    public const string Officer = "Officer";
    public const string Administrator = "Administrator";

    public static IReadOnlyList<string> All { get; } = [Resident, JuryMember, Facilitator, Officer, Administrator];
}
