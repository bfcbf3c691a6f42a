using Microsoft.AspNetCore.Authorization;

namespace ParticipativeDemocracy.Web.Common.Auth;

public static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string Officer = nameof(Officer);
    public const string Administrator = nameof(Administrator);
    public const string Facilitator = nameof(Facilitator);

    /// <summary>Identity adds amr=mfa when the sign-in passed the authenticator app; staff policies demand it.</summary>
    public const string SecondFactorClaim = "amr";
    public const string SecondFactorValue = "mfa";

    public static AuthorizationBuilder AddPlatformPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
        .AddPolicy(Officer, p => p.RequireRole(Roles.Officer, Roles.Administrator).RequireClaim(SecondFactorClaim, SecondFactorValue))
        .AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator).RequireClaim(SecondFactorClaim, SecondFactorValue))
        .AddPolicy(Facilitator, p => p.RequireRole(Roles.Facilitator, Roles.Officer, Roles.Administrator));
}
