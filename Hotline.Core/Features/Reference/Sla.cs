using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Reference;
using Hotline.Core.Data;
using Hotline.Domain.Calendar;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Reference;

public sealed record ListSlaPolicies : IRequest<IReadOnlyList<SlaPolicyDto>>;

public sealed class ListSlaPoliciesHandler(ReferenceDataCache reference) : IRequestHandler<ListSlaPolicies, IReadOnlyList<SlaPolicyDto>>
{
    public async Task<IReadOnlyList<SlaPolicyDto>> Handle(ListSlaPolicies request, CancellationToken cancellationToken) =>
        (await reference.GetAsync(cancellationToken)).SlaPolicies.Values.OrderBy(p => p.Tier).Select(SlaMapping.ToDto).ToList();
}

/// <summary>Changes the limits of one tier. Orders already dispatched keep the deadlines they were stamped with.</summary>
public sealed record SaveSlaPolicy(Urgency? Tier, UpsertSlaPolicyRequest Body) : IRequest<SlaPolicyDto>;

public sealed class SaveSlaPolicyValidator : AbstractValidator<SaveSlaPolicy>
{
    public SaveSlaPolicyValidator()
    {
        RuleFor(x => x.Tier).NotNull().IsInEnum().OverridePropertyName("tier");
        RuleFor(x => x.Body.Accept).NotNull().SetValidator(new LimitValidator()!).OverridePropertyName("accept");
        RuleFor(x => x.Body.Contact).NotNull().SetValidator(new LimitValidator()!).OverridePropertyName("contact");
        RuleFor(x => x.Body.Reply).NotNull().SetValidator(new LimitValidator()!).OverridePropertyName("reply");
    }

    private sealed class LimitValidator : AbstractValidator<LimitDto>
    {
        public LimitValidator()
        {
            RuleFor(l => l.Unit).IsInEnum();
            RuleFor(l => l.Value).GreaterThan(0);
            RuleFor(l => l.Value).LessThanOrEqualTo(60 * 24 * 90).When(l => l.Unit == LimitUnit.Minutes);
            RuleFor(l => l.Value).LessThanOrEqualTo(24 * 90).When(l => l.Unit == LimitUnit.Hours);
            RuleFor(l => l.Value).LessThanOrEqualTo(90).When(l => l.Unit == LimitUnit.WorkingDays);
        }
    }
}

public sealed class SaveSlaPolicyHandler(HotlineDbContext db, ReferenceDataCache reference) : IRequestHandler<SaveSlaPolicy, SlaPolicyDto>
{
    public async Task<SlaPolicyDto> Handle(SaveSlaPolicy request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var (accept, contact, reply) = (ToLimit(body.Accept!), ToLimit(body.Contact!), ToLimit(body.Reply!));
        var policy = await db.SlaPolicies.FirstOrDefaultAsync(p => p.Tier == request.Tier, cancellationToken);
        if (policy is null)
        {
            policy = new SlaPolicy(request.Tier!.Value, accept, contact, reply);
            db.SlaPolicies.Add(policy);
        }
        else
        {
            policy.Change(accept, contact, reply);
        }

        await db.SaveChangesAsync(cancellationToken);
        reference.Invalidate();
        return SlaMapping.ToDto(policy);
    }

    private static SlaLimit ToLimit(LimitDto dto) => new(dto.Value, dto.Unit);
}

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

internal static class SlaMapping
{
    public static SlaPolicyDto ToDto(SlaPolicy p) => new(
        p.Tier,
        new LimitDto(p.Accept.Value, p.Accept.Unit),
        new LimitDto(p.Contact.Value, p.Contact.Unit),
        new LimitDto(p.Reply.Value, p.Reply.Unit));
}
