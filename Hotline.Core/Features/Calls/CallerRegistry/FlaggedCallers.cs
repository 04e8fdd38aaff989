using FluentValidation;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Core.Features.Audit;
using Hotline.Core.Features.Common;
using Hotline.Domain.Telephony;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Calls.CallerRegistry;

/// <summary>The flagged numbers (恶意来电), active first, then expired, newest change first.</summary>
public sealed record ListFlaggedCallers : IRequest<IReadOnlyList<FlaggedCallerDto>>;

public sealed class ListFlaggedCallersHandler(HotlineDbContext db, TimeProvider time) : IRequestHandler<ListFlaggedCallers, IReadOnlyList<FlaggedCallerDto>>
{
    public async Task<IReadOnlyList<FlaggedCallerDto>> Handle(ListFlaggedCallers request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var list = await db.FlaggedCallers.AsNoTracking().ToListAsync(cancellationToken);
        return list.OrderByDescending(f => f.IsActiveAt(now)).ThenByDescending(f => f.UpdatedAt).ThenBy(f => f.Phone, StringComparer.Ordinal)
            .Select(f => f.ToDto(now)).ToList();
    }
}

/// <summary>
/// A supervisor or admin flags a number, or changes its entry: reason, policy (Warn, or Limit with a daily limit), expiry.
/// The flag warns the agent when the number rings; Limit also answers the calls over the limit with the limit message.
/// </summary>
public sealed record SaveFlaggedCaller(string Phone, SaveFlaggedCallerRequest Body) : IRequest<FlaggedCallerDto>, IAuditedRequest
{
    public string AuditAction => AuditActions.FlaggedCallerSaved;
    public string? AuditSummary => $"标记恶意来电：{PhoneNumbers.Normalize(Phone) ?? Phone}（{Body.Reason}）";
    public string? AuditTargetType => nameof(FlaggedCaller);
    public string? AuditTargetId => PhoneNumbers.Normalize(Phone);
}

public sealed class SaveFlaggedCallerValidator : AbstractValidator<SaveFlaggedCaller>
{
    public SaveFlaggedCallerValidator(TimeProvider time)
    {
        RuleFor(x => x.Phone).MustBePhone();
        RuleFor(x => x.Body.Reason).Must(r => r is { } text && text.Trim().Length is > 0 and <= FlaggedCaller.ReasonMaxLength)
            .OverridePropertyName("reason").WithMessage($"请填写标记原因（不超过 {FlaggedCaller.ReasonMaxLength} 个字）。");
        RuleFor(x => x.Body.Policy).NotNull().IsInEnum().OverridePropertyName("policy").WithMessage("请选择处理策略（提醒或限制）。");
        RuleFor(x => x.Body.DailyLimit).NotNull().InclusiveBetween(1, FlaggedCaller.MaxDailyLimit).When(x => x.Body.Policy == FlaggedCallerPolicy.Limit)
            .OverridePropertyName("dailyLimit").WithMessage($"“限制”策略需要每日来电次数上限（1 至 {FlaggedCaller.MaxDailyLimit} 次）。");
        RuleFor(x => x.Body.DailyLimit).Null().When(x => x.Body.Policy == FlaggedCallerPolicy.Warn)
            .OverridePropertyName("dailyLimit").WithMessage("“提醒”策略不限制来电次数，请不要填写每日上限。");
        RuleFor(x => x.Body.ExpiresAt).Must(e => e is null || e > time.GetUtcNow())
            .OverridePropertyName("expiresAt").WithMessage("到期时间必须晚于现在。");
    }
}

public sealed class SaveFlaggedCallerHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<SaveFlaggedCaller, FlaggedCallerDto>
{
    public async Task<FlaggedCallerDto> Handle(SaveFlaggedCaller request, CancellationToken cancellationToken)
    {
        var phone = PhoneNumbers.Normalize(request.Phone)!;
        var (by, now, body) = (currentUser.Actor.UserName, time.GetUtcNow(), request.Body);
        var entry = await db.FlaggedCallers.FirstOrDefaultAsync(f => f.Phone == phone, cancellationToken);
        if (entry is null)
        {
            entry = new FlaggedCaller(phone, body.Reason!, body.Policy!.Value, body.DailyLimit, body.ExpiresAt, by, now);
            db.FlaggedCallers.Add(entry);
        }
        else
        {
            entry.Change(body.Reason!, body.Policy!.Value, body.DailyLimit, body.ExpiresAt, by, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return entry.ToDto(now);
    }
}

/// <summary>Removes a number's flag (404 when it has none).</summary>
public sealed record RemoveFlaggedCaller(string Phone) : IRequest<Unit>, IAuditedRequest
{
    public string AuditAction => AuditActions.FlaggedCallerRemoved;
    public string? AuditSummary => $"取消恶意来电标记：{PhoneNumbers.Normalize(Phone) ?? Phone}";
    public string? AuditTargetType => nameof(FlaggedCaller);
    public string? AuditTargetId => PhoneNumbers.Normalize(Phone);
}

public sealed class RemoveFlaggedCallerValidator : AbstractValidator<RemoveFlaggedCaller>
{
    public RemoveFlaggedCallerValidator() => RuleFor(x => x.Phone).MustBePhone();
}

public sealed class RemoveFlaggedCallerHandler(HotlineDbContext db) : IRequestHandler<RemoveFlaggedCaller, Unit>
{
    public async Task<Unit> Handle(RemoveFlaggedCaller request, CancellationToken cancellationToken)
    {
        var phone = PhoneNumbers.Normalize(request.Phone)!;
        var entry = await db.FlaggedCallers.FirstOrDefaultAsync(f => f.Phone == phone, cancellationToken)
            ?? throw new NotFoundException("恶意来电标记", phone);
        db.FlaggedCallers.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
