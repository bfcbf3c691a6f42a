using System.Security.Claims;
using ParticipativeDemocracy.Web.Common.Errors;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

internal static class CurrentUser
{
    public static Guid IdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new ForbiddenException("Sign in to do this.");
}
