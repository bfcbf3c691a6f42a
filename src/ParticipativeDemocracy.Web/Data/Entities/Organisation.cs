namespace ParticipativeDemocracy.Web.Data.Entities;

/// <summary>A council or public service that runs processes.</summary>
public sealed class Organisation
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public required string Slug { get; set; }

    /// <summary>IANA zone in which deadlines are shown; they are stored in UTC.</summary>
    public required string TimeZone { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
