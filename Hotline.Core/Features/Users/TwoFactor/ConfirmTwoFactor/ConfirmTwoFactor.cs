using FluentValidation;
using FluentValidation.Results;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Auth;
using Hotline.Core.Data;
using Hotline.Core.Features.Audit;
using Hotline.Core.Features.Common;
using Hotline.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Users.TwoFactor.ConfirmTwoFactor;

/// <summary>
/// The signed-in user (<paramref name="UserId"/>, from the token) puts the pending secret in force with a code from the app, and issues the recovery codes (shown once, kept as
/// hashes; any earlier ones are void). The code's step counts as used, so it cannot also sign in.
/// </summary>
public sealed record ConfirmTwoFactor(Guid UserId, string? Code) : IRequest<RecoveryCodesDto>, IAuditedRequest
{
    public string AuditAction => AuditActions.TwoFactorEnabled;

    public string? AuditTargetType => "User";

    public string? AuditTargetId => UserId.ToString();
}

public sealed class ConfirmTwoFactorValidator : AbstractValidator<ConfirmTwoFactor>
{
    public ConfirmTwoFactorValidator()
    {
        RuleFor(x => x.Code).Must(c => TotpCodes.Normalize(c) is not null).OverridePropertyName("code").WithMessage("请输入身份验证器显示的 6 位数字。");
    }
}

public sealed class ConfirmTwoFactorHandler(HotlineDbContext db, TimeProvider clock, IOptions<AccountOptions> options, UserAccessCache access, TotpSecretProtector protector)
    : IRequestHandler<ConfirmTwoFactor, RecoveryCodesDto>
{
    public async Task<RecoveryCodesDto> Handle(ConfirmTwoFactor request, CancellationToken cancellationToken)
    {
        var user = await CurrentAccount.LoadAsync(db, request.UserId, cancellationToken);
        var now = clock.GetUtcNow();
        if (user.TwoFactorEnabled || user.TwoFactorSecret is not { } secret)
        {
            throw new DomainException(user.TwoFactorEnabled ? "两步验证已启用。" : "请先开始绑定身份验证器。");
        }

        var step = TotpCodes.MatchStep(protector.Unprotect(secret), request.Code, now)
            ?? throw new ValidationException([new ValidationFailure("code", "验证码不正确，请核对手机时间后输入当前显示的 6 位数字。")]);
        user.EnableTwoFactor(now, step);

        db.Set<RecoveryCode>().RemoveRange(await db.Set<RecoveryCode>().Where(r => r.UserId == user.Id).ToListAsync(cancellationToken));
        var codes = Enumerable.Range(0, options.Value.RecoveryCodeCount).Select(_ => RecoveryCode.NewCode()).ToList();
        db.Set<RecoveryCode>().AddRange(codes.Select(c => new RecoveryCode { Id = Guid.NewGuid(), UserId = user.Id, CodeHash = RecoveryCode.HashOf(c)!, CreatedAt = now }));
        await db.SaveChangesAsync(cancellationToken);
        access.Forget(user.Id);
        return new RecoveryCodesDto(codes);
    }
}
