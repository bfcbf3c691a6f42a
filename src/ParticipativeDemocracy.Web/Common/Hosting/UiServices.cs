using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace ParticipativeDemocracy.Web.Common.Hosting;

public static class UiServices
{
    public static readonly CultureInfo[] SupportedCultures = [new("en"), new("cy")];

    public static IServiceCollection AddPlatformUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddLocalization();
        services.AddScoped<ParticipativeDemocracy.Web.Components.IsolatedSender>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }
}
