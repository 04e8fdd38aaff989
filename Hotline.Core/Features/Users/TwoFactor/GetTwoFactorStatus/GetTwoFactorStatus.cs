using Hotline.Contracts.Auth;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Users.TwoFactor.GetTwoFactorStatus;

/// <summary>The signed-in account's second factor: in force or not, required by its role, recovery codes left.</summary>
public sealed record GetTwoFactorStatus : IRequest<TwoFactorStatusDto>;

public sealed class GetTwoFactorStatusHandler(HotlineDbContext db, ICurrentUser currentUser, IOptions<AccountOptions> options) : IRequestHandler<GetTwoFactorStatus, TwoFactorStatusDto>
{
    public async Task<TwoFactorStatusDto> Handle(GetTwoFactorStatus request, CancellationToken cancellationToken)
    {
        var id = currentUser.Actor.UserId;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.TwoFactorEnabledAt, u.Roles }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("用户", id?.ToString() ?? "-");
        var left = await db.Set<RecoveryCode>().CountAsync(r => r.UserId == id && r.UsedAt == null, cancellationToken);
        return new TwoFactorStatusDto(user.TwoFactorEnabledAt is not null, user.TwoFactorEnabledAt, options.Value.RequiresSecondFactor(user.Roles), left);
    }
}
