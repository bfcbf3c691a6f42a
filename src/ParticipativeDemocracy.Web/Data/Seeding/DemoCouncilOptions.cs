namespace ParticipativeDemocracy.Web.Data.Seeding;

/// <summary>The demo accounts; the README and the run script show these defaults.</summary>
public sealed class DemoCouncilOptions
{
    public const string Section = "Demo";

    public string AdminEmail { get; set; } = "admin@example.org";

    public string AdminPassword { get; set; } = "Demo-Admin-2026!";

    public string OfficerEmail { get; set; } = "officer@example.org";

    public string OfficerPassword { get; set; } = "Demo-Officer-2026!";

    public string FacilitatorEmail { get; set; } = "facilitator@example.org";

    public string FacilitatorPassword { get; set; } = "Demo-Facilitator-2026!";

    /// <summary>Password of the demo jurors (e.g. aled.juror@example.org) when the demo jury is made by the jury-room seed.</summary>
    public string JurorPassword { get; set; } = "Demo-Juror-2026!";
}
