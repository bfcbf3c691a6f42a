using System.Security.Claims;

namespace ParticipativeDemocracy.Web.Common.Auth;

/// <summary>Who is acting: the signed-in user of the request, or the system for background jobs.</summary>
public sealed class CurrentActor(IHttpContextAccessor accessor)
{
    public const string System = "system";

    private ClaimsPrincipal? User => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public Guid? Id => Guid.TryParse(User?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string Name => User?.Identity?.Name ?? System;

    public bool IsInRole(string role) => User?.IsInRole(role) ?? false;
}
