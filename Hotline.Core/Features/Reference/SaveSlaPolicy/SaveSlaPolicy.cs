using Hotline.Contracts.Audit;
using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Reference;
using Hotline.Core.Data;
using Hotline.Domain.Calendar;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Reference.SaveSlaPolicy;

/// <summary>Changes the limits of one tier. Orders already dispatched keep the deadlines they were stamped with.</summary>
public sealed record SaveSlaPolicy(Urgency? Tier, UpsertSlaPolicyRequest Body) : IRequest<SlaPolicyDto>, Hotline.Core.Features.Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.SlaSaved;
    public string? AuditSummary => $"修改办理时限：{(Tier is { } tier ? ChineseLabels.Urgency(tier) : "")}";
    public string? AuditTargetType => "SlaPolicy";
    public string? AuditTargetId => Tier?.ToString();
}

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
