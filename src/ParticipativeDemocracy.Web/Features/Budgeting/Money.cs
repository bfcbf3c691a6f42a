using System.Globalization;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

public static class Money
{
    public static string Format(decimal amount, string currency)
    {
        var number = amount == decimal.Truncate(amount)
            ? amount.ToString("N0", CultureInfo.CurrentCulture)
            : amount.ToString("N2", CultureInfo.CurrentCulture);
        return currency switch
        {
            "GBP" => $"£{number}",
            "EUR" => $"€{number}",
            "USD" => $"${number}",
            _ => $"{number} {currency}",
        };
    }
}
