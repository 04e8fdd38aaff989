using Hotline.Contracts.Audit;
using FluentValidation;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Reference.SaveAppealPolicy;

/// <summary>Changes the appeal window (Admin). Appeals already filed keep the window they were filed in.</summary>
public sealed record SaveAppealPolicy(int? WindowWorkingDays) : IRequest<AppealPolicyDto>, Hotline.Core.Features.Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.AppealPolicySaved;
    public string? AuditSummary => $"修改申诉期限：{WindowWorkingDays} 个工作日";
    public string? AuditTargetType => "AppealPolicy";
}

public sealed class SaveAppealPolicyValidator : AbstractValidator<SaveAppealPolicy>
{
    public SaveAppealPolicyValidator()
    {
        RuleFor(x => x.WindowWorkingDays).NotNull().InclusiveBetween(1, AppealPolicy.MaxWindowWorkingDays).OverridePropertyName("windowWorkingDays");
    }
}

public sealed class SaveAppealPolicyHandler(HotlineDbContext db) : IRequestHandler<SaveAppealPolicy, AppealPolicyDto>
{
    public async Task<AppealPolicyDto> Handle(SaveAppealPolicy request, CancellationToken cancellationToken)
    {
        var days = request.WindowWorkingDays!.Value;
        var policy = await db.AppealPolicies.FirstOrDefaultAsync(p => p.Id == AppealPolicy.SingletonId, cancellationToken);
        if (policy is null)
        {
            db.AppealPolicies.Add(new AppealPolicy(days));
        }
        else
        {
            policy.Change(days);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new AppealPolicyDto(days);
    }
}
