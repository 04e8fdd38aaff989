using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Tickets;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Callbacks;

/// <summary>The callback queue: replied orders waiting for a callback, the longest-waiting first.</summary>
public sealed record ListDueCallbacks(int Limit = 100) : IRequest<IReadOnlyList<TicketListItemDto>>;

public sealed class ListDueCallbacksHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time)
    : IRequestHandler<ListDueCallbacks, IReadOnlyList<TicketListItemDto>>
{
    public async Task<IReadOnlyList<TicketListItemDto>> Handle(ListDueCallbacks request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.Tickets.AsNoTracking()
            .VisibleTo(currentUser.Actor)
            .Where(t => t.Status == TicketStatus.Replied)
            .OrderBy(t => t.RepliedAt)
            .ThenBy(t => t.Number)
            .Take(Math.Clamp(request.Limit, 1, 500))
            .Select(t => new TicketListItemDto(t.Id, t.Number, t.Status, t.Type, t.CategoryCode, t.Urgency, t.LeadUnitId, t.CreatedAt, t.NextDueAt, false))
            .ToListAsync(cancellationToken);
    }
}
