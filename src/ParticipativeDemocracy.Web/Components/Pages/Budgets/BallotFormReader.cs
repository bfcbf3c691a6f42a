using System.Globalization;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Features.Budgeting;

namespace ParticipativeDemocracy.Web.Components.Pages.Budgets;

/// <summary>Reads the posted ballot form into choices; the server-side rules then judge them.</summary>
public static class BallotFormReader
{
    /// <summary><paramref name="onBallot"/>: the projects of the budget this form is for.</summary>
    public static IReadOnlyList<CastChoice> Read(BudgetPageView page, IReadOnlyList<ProjectView> onBallot, IFormCollection form)
    {
        if (page.BallotKind == BudgetBallotKind.Approval)
        {
            return form["choice"]
                .Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty)
                .Select(id => new CastChoice(id, null))
                .ToList();
        }

        var numbered = onBallot
            .Select(p => (p.Id, Number: int.TryParse(form[$"n-{p.Id}"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0))
            .Where(x => x.Number > 0);
        return page.BallotKind == BudgetBallotKind.Ranking
            ? numbered.OrderBy(x => x.Number).Select(x => new CastChoice(x.Id, null)).ToList()
            : numbered.Select(x => new CastChoice(x.Id, x.Number)).ToList();
    }
}
