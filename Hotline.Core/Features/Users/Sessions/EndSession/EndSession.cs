using Hotline.Contracts.Audit;
using Hotline.Core.Data;
using Hotline.Core.Features.Audit;
using Hotline.Core.Features.Common;
using Hotline.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Users.Sessions.EndSession;

/// <summary>
/// An Admin ends one of an account's sessions: its refresh token stops at once, its access tokens within
/// <see cref="UserAccessCache.Lifetime"/> on every node (at once on this one).
/// </summary>
public sealed record EndSession(Guid UserId, Guid SessionId) : IRequest<Unit>, IAuditedRequest
{
    public string AuditAction => AuditActions.SessionEnded;

    public string? AuditTargetType => "UserSession";

    public string? AuditTargetId => SessionId.ToString();
}

public sealed class EndSessionHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider clock, UserAccessCache access) : IRequestHandler<EndSession, Unit>
{
    public async Task<Unit> Handle(EndSession request, CancellationToken cancellationToken)
    {
        var session = await db.Set<UserSession>().FirstOrDefaultAsync(s => s.Id == request.SessionId && s.UserId == request.UserId, cancellationToken)
            ?? throw new NotFoundException("登录会话", request.SessionId);
        if (session.EndedAt is not null)
        {
            throw new DomainException("该登录会话已结束。");
        }

        session.EndedAt = clock.GetUtcNow();
        session.EndedBy = currentUser.Actor.UserName;
        await db.SaveChangesAsync(cancellationToken);
        access.ForgetSession(session.Id);
        return Unit.Value;
    }
}
