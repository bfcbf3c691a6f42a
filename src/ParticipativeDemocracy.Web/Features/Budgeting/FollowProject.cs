using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>A resident follows a project (or stops): followers are e-mailed each implementation update.</summary>
public static class FollowProject
{
    public sealed record Command(Guid ProcessId, Guid ProjectId, Guid UserId, bool Follow) : ICommand<Following>;

    public sealed record Following(Guid ProjectId, bool Followed);

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, Following>
    {
        public async ValueTask<Following> Handle(Command command, CancellationToken cancellationToken)
        {
            var project = await ProposalRules.LoadAsync(db, command.ProcessId, command.ProjectId, cancellationToken);
            if (project.Status == ProposalStatus.Withdrawn)
            {
                throw new NotFoundException("Project", command.ProjectId);
            }

            if (command.Follow)
            {
                ProposalRules.EnsureActive(project);
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO app."ProjectFollowers" ("ProjectId", "UserId", "CreatedAt")
                    VALUES ({project.Id}, {command.UserId}, {clock.GetUtcNow()})
                    ON CONFLICT DO NOTHING
                    """, cancellationToken);
            }
            else
            {
                await db.ProjectFollowers.Where(f => f.ProjectId == project.Id && f.UserId == command.UserId).ExecuteDeleteAsync(cancellationToken);
            }

            return new Following(project.Id, command.Follow);
        }
    }

    public static RouteGroupBuilder MapFollowProject(this RouteGroupBuilder group)
    {
        group.MapPut("/{processId:guid}/projects/{projectId:guid}/follow", async Task<Ok<Following>> (
                Guid processId, Guid projectId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, projectId, CurrentUser.IdOf(user), Follow: true), ct)))
            .WithName(nameof(FollowProject))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.SignedIn);
        group.MapDelete("/{processId:guid}/projects/{projectId:guid}/follow", async Task<Ok<Following>> (
                Guid processId, Guid projectId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, projectId, CurrentUser.IdOf(user), Follow: false), ct)))
            .WithName(nameof(FollowProject) + "Stop")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
