namespace ParticipativeDemocracy.Web.Common.Hosting;

public static class SecurityHeaders
{
    // Scripts and styles come from this origin only; Blazor's reconnect UI needs inline styles; no inline scripts.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
        "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Set when the response starts, so ours replace the defaults other middleware adds.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            if (!HasOwnScripts(context.Request.Path))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            return Task.CompletedTask;
        });
        await next(context);
    });

    /// <summary>The jobs dashboard and the API reference ship their own inline scripts.</summary>
    private static bool HasOwnScripts(PathString path) =>
        path.StartsWithSegments("/admin/jobs") || path.StartsWithSegments("/api-reference");
}
