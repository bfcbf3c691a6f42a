using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Account;

/// <summary>A participant changes their name and, if they wish, their player level (never required).</summary>
public static class UpdateProfile
{
    public sealed record Command(Guid UserId, string? DisplayName, PlayerLevel? PlayerLevel) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.DisplayName).NotEmpty().WithMessage(_ => l["NameRequired"]).MaximumLength(200);
            RuleFor(c => c.PlayerLevel).IsInEnum();
        }
    }

    public sealed class Handler(AppDbContext db) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, cancellationToken)
                       ?? throw new NotFoundException("User", command.UserId);
            user.DisplayName = command.DisplayName!.Trim();
            user.PlayerLevel = command.PlayerLevel;
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
