using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Calls.GetMyPresence;

/// <summary>The signed-in agent's presence (<c>GET /api/agents/me/presence</c>); away until set; a finished wrap-up reads as available.</summary>
public sealed record GetMyPresence : IRequest<AgentPresenceDto>;

public sealed class GetMyPresenceHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<GetMyPresence, AgentPresenceDto>
{
    public async Task<AgentPresenceDto> Handle(GetMyPresence request, CancellationToken cancellationToken)
    {
        var userId = currentUser.Actor.UserId ?? throw new NotFoundException("坐席", currentUser.Actor.UserName);
        await AgentStates.ReleaseExpiredWrapUpsAsync(db, time.GetUtcNow(), cancellationToken);
        var presence = await db.AgentPresences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var connection = await AgentStates.ConnectionOfAsync(db, userId, cancellationToken);
        return presence?.ToDto(connection) ?? new AgentPresenceDto(userId, AgentPresenceStatus.Away, null, Connection: connection);
    }
}
