namespace ParticipativeDemocracy.Web.Data.Seeding;

/// <summary>The demo accounts; the README and the run script show these defaults.</summary>
public sealed class DemoCouncilOptions
{
    public const string Section = "Demo";

    public string AdminEmail { get; set; } = "admin@example.org";

    public string AdminPassword { get; set; } = "Demo-Admin-2026!";

    public string OfficerEmail { get; set; } = "officer@example.org";

    public string OfficerPassword { get; set; } = "Demo-Officer-2026!";
}
