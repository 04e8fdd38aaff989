using Hotline.Contracts.Realtime;
using Hotline.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Events.GetEvents;

/// <summary>
/// The newest sequence a client may start following from: the last change before the log's
/// <see cref="ChangeLogHorizon"/> (so a change still committing below it is not skipped), or the newest change when
/// nothing is in flight. One indexed read, whatever the size of the log.
/// </summary>
public sealed record GetEventHead : IRequest<EventHead>;

public sealed class GetEventHeadHandler(HotlineDbContext db, ChangeLogHorizon horizon) : IRequestHandler<GetEventHead, EventHead>
{
    public async Task<EventHead> Handle(GetEventHead request, CancellationToken cancellationToken)
    {
        if (await horizon.FindAsync(db, 0, cancellationToken) is { } stop)
        {
            return new EventHead(stop - 1);
        }

        var newest = await db.TicketChanges.AsNoTracking().MaxAsync(c => (long?)c.Sequence, cancellationToken);
        return new EventHead(newest ?? 0);
    }
}
