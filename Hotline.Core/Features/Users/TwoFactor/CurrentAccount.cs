using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Domain.Common;
using Hotline.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Users.TwoFactor;

/// <summary>The signed-in user's own account, tracked for a change.</summary>
internal static class CurrentAccount
{
    public static Task<User> LoadAsync(HotlineDbContext db, ICurrentUser currentUser, CancellationToken ct) =>
        LoadAsync(db, currentUser.Actor.UserId ?? throw new ActorNotPermittedException("请先登录。"), ct);

    public static async Task<User> LoadAsync(HotlineDbContext db, Guid id, CancellationToken ct)
    {
        return await db.Users.FirstOrDefaultAsync(u => u.Id == id && u.IsActive, ct) ?? throw new ActorNotPermittedException("账号不存在或已停用。");
    }
}
