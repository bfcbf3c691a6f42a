namespace ParticipativeDemocracy.Web.Features.Account;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        app.MapSignOut();
        app.MapChooseLanguage();
        app.MapRegisterResident();
        app.MapDownloadMyData();
        app.MapDeleteMyAccount();
        return app;
    }

    /// <summary>Only local paths: a crafted link must not bounce someone to another site.</summary>
    internal static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
                                && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
