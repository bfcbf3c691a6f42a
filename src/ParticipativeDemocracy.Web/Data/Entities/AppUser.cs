using Microsoft.AspNetCore.Identity;

namespace ParticipativeDemocracy.Web.Data.Entities;

public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Optional: feeds panel quotas and statistics, never required to take part.</summary>
    public PlayerLevel? PlayerLevel { get; set; }

    public string? PreferredCulture { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The levels of a vertical-slice partnership.</summary>
public enum PlayerLevel
{
    Citizen,
    CommunityActivist,
    FrontLineWorker,
    Manager,
    PolicyMaker,
}
