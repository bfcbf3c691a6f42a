using FluentValidation;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>What a resident writes in a proposal: the same limits when it is submitted and when it is edited.</summary>
public interface IProposalFields
{
    string Title { get; }

    string? Description { get; }

    string? District { get; }

    string? Category { get; }

    decimal EstimatedCost { get; }
}

public sealed class ProposalFieldsValidator : AbstractValidator<IProposalFields>
{
    public ProposalFieldsValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Description).MaximumLength(4000);
        RuleFor(c => c.District).MaximumLength(100);
        RuleFor(c => c.Category).MaximumLength(100);
        RuleFor(c => c.EstimatedCost).GreaterThan(0).WithMessage("Enter what the project would cost, more than 0.");
    }
}
