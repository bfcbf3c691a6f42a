namespace ParticipativeDemocracy.Web.Features.Eligibility;

public static class EligibilityEndpoints
{
    public static RouteGroupBuilder MapEligibility(this RouteGroupBuilder group) => group
        .MapSetEligibilityRules()
        .MapGetEligibilityRules()
        .MapCheckMyEligibility();
}
