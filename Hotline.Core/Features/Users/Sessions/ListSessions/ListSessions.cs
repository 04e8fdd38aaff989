using Hotline.Contracts.Auth;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Users.Sessions.ListSessions;

/// <summary>An account's sessions that have not ended or expired, most recently used first (Admin).</summary>
public sealed record ListSessions(Guid UserId) : IRequest<IReadOnlyList<SessionDto>>;

public sealed class ListSessionsHandler(HotlineDbContext db, TimeProvider clock) : IRequestHandler<ListSessions, IReadOnlyList<SessionDto>>
{
    public async Task<IReadOnlyList<SessionDto>> Handle(ListSessions request, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Id == request.UserId, cancellationToken))
        {
            throw new NotFoundException("用户", request.UserId);
        }

        var now = clock.GetUtcNow();
        return await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.UserId == request.UserId && s.EndedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.LastUsedAt)
            .Select(s => new SessionDto(s.Id, s.CreatedAt, s.LastUsedAt, s.ExpiresAt, s.Address, s.UserAgent, s.SecondFactor, s.EnrolmentOnly))
            .ToListAsync(cancellationToken);
    }
}
