using Hotline.Contracts.Audit;
using Hotline.Core.Data;
using Hotline.Core.Features.Audit;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Users.TwoFactor.ResetTwoFactor;

/// <summary>An Admin removes an account's second factor and recovery codes (a lost phone); the user enrols again.</summary>
public sealed record ResetTwoFactor(Guid UserId) : IRequest<Unit>, IAuditedRequest
{
    public string AuditAction => AuditActions.TwoFactorReset;

    public string? AuditTargetType => "User";

    public string? AuditTargetId => UserId.ToString();
}

public sealed class ResetTwoFactorHandler(HotlineDbContext db, UserAccessCache access) : IRequestHandler<ResetTwoFactor, Unit>
{
    public async Task<Unit> Handle(ResetTwoFactor request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == request.UserId, cancellationToken) ?? throw new NotFoundException("用户", request.UserId);
        user.ResetTwoFactor();
        db.Set<RecoveryCode>().RemoveRange(await db.Set<RecoveryCode>().Where(r => r.UserId == user.Id).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        access.Forget(user.Id);
        return Unit.Value;
    }
}
