using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Reference;
using MediatR;

namespace Hotline.Core.Features.Reference.PreviewSla;

/// <summary>The deadlines an order dispatched at <c>From</c> would get.</summary>
public sealed record PreviewSla(Urgency? Tier, DateTimeOffset? From) : IRequest<SlaPreviewDto>;

public sealed class PreviewSlaValidator : AbstractValidator<PreviewSla>
{
    public PreviewSlaValidator()
    {
        RuleFor(x => x.Tier).NotNull().IsInEnum().OverridePropertyName("tier");
        RuleFor(x => x.From).NotNull().OverridePropertyName("from");
        RuleFor(x => x.From!.Value.Year).InclusiveBetween(2000, 2100).When(x => x.From is not null)
            .OverridePropertyName("from").WithMessage("from 须在 2000 年到 2100 年之间。");
    }
}

public sealed class PreviewSlaHandler(ReferenceDataCache reference) : IRequestHandler<PreviewSla, SlaPreviewDto>
{
    public async Task<SlaPreviewDto> Handle(PreviewSla request, CancellationToken cancellationToken)
    {
        var deadlines = (await reference.GetAsync(cancellationToken)).For(request.Tier!.Value, request.From!.Value);
        return new SlaPreviewDto(deadlines.AcceptDueAt, deadlines.ContactDueAt, deadlines.ReplyDueAt);
    }
}
