using FluentValidation;
using Hotline.Contracts.Auth;
using Hotline.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Users.Sessions.RefreshSession;

/// <summary>
/// Exchanges a refresh token for a new one (and the caller issues a new access token): refused (null) when the session
/// ended, expired, or its account was deactivated or given a new password since. Each refresh token works once: the
/// swap is one conditional update, so two refreshes with the same token cannot both succeed.
/// </summary>
public sealed record RefreshSession(string? RefreshToken) : IRequest<SignIn.SignInResult?>;

public sealed class RefreshSessionValidator : AbstractValidator<RefreshSession>
{
    public RefreshSessionValidator()
    {
        RuleFor(x => x.RefreshToken).NotEmpty().MaximumLength(100).OverridePropertyName("refreshToken");
    }
}

public sealed class RefreshSessionHandler(HotlineDbContext db, TimeProvider clock) : IRequestHandler<RefreshSession, SignIn.SignInResult?>
{
    public async Task<SignIn.SignInResult?> Handle(RefreshSession request, CancellationToken cancellationToken)
    {
        var hash = SessionStore.HashOf(request.RefreshToken!);
        var now = clock.GetUtcNow();
        var found = await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.RefreshTokenHash == hash && s.EndedAt == null)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { Session = s, User = u })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || found.Session.ExpiresAt <= now || !found.User.IsActive || found.Session.PasswordStamp != UserAccessCache.StampOf(found.User.PasswordHash))
        {
            return null;
        }

        var next = SessionStore.NewRefreshToken();
        var nextHash = SessionStore.HashOf(next);
        var swapped = await db.Set<UserSession>()
            .Where(s => s.Id == found.Session.Id && s.RefreshTokenHash == hash && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RefreshTokenHash, nextHash).SetProperty(x => x.LastUsedAt, now), cancellationToken);
        if (swapped == 0)
        {
            return null;
        }

        var user = found.User;
        return new SignIn.SignInResult(
            SignIn.SignInOutcome.SignedIn,
            new UserInfo(user.Id, user.UserName, user.DisplayName, user.Roles, user.UnitId),
            new SessionGrant(found.Session.Id, next, found.Session.ExpiresAt, found.Session.EnrolmentOnly));
    }
}
