namespace ParticipativeDemocracy.Web.Data.Entities.Juries;

/// <summary>Someone in a jury's pool: registered through the form (with or without a letter's code) or imported.</summary>
public sealed class JuryVolunteer
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    /// <summary>The officers' reference: the id column of an imported file, or one given at registration.</summary>
    public required string Reference { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    /// <summary>Feature values by category, as JSON (category → value).</summary>
    public required string Features { get; set; }

    public string AddressLine1 { get; set; } = string.Empty;

    public string Postcode { get; set; } = string.Empty;

    public bool Consent { get; set; }

    public string Availability { get; set; } = string.Empty;

    public string AccessNeeds { get; set; } = string.Empty;

    /// <summary>The scheduled sessions (1-based, in date order) the volunteer said they can attend.</summary>
    public List<int> AvailableSessions { get; set; } = [];

    public VolunteerSource Source { get; set; }

    /// <summary>The anonymous id in the published draw inputs, set when the draw starts.</summary>
    public string? DrawId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum VolunteerSource
{
    Form,
    Letter,
    Import,
}
