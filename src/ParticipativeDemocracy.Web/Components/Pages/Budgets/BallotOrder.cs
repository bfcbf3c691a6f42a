using System.Security.Cryptography;
using System.Text;
using ParticipativeDemocracy.Web.Features.Budgeting;

namespace ParticipativeDemocracy.Web.Components.Pages.Budgets;

/// <summary>
/// Projects in an order randomised per voter (so position favours no project) and stable for that
/// voter across visits, so the page does not reshuffle under them.
/// </summary>
public static class BallotOrder
{
    public static IReadOnlyList<ProjectView> ForVoter(IEnumerable<ProjectView> projects, Guid voterId, Guid processId)
    {
        var seed = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"{voterId:N}|{processId:N}")), 0);
        var order = projects.OrderBy(p => p.Code, StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }
}
