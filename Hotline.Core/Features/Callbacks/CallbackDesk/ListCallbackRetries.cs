using Hotline.Contracts;
using Hotline.Contracts.Callbacks;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Tickets;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Callbacks.CallbackDesk;

/// <summary>
/// <c>GET /api/callbacks/retries</c>: replied orders whose citizen was not reached and that are out of the callback queue
/// until their retry time, the soonest first.
/// </summary>
public sealed record ListCallbackRetries(int Limit = 200) : IRequest<IReadOnlyList<CallbackRetryDto>>;

public sealed class ListCallbackRetriesHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time)
    : IRequestHandler<ListCallbackRetries, IReadOnlyList<CallbackRetryDto>>
{
    public async Task<IReadOnlyList<CallbackRetryDto>> Handle(ListCallbackRetries request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.Tickets.AsNoTracking()
            .VisibleTo(currentUser.Actor)
            .Where(t => t.Status == TicketStatus.Replied && t.CallbackRetryAt != null && t.CallbackRetryAt > now)
            .OrderBy(t => t.CallbackRetryAt)
            .Take(Math.Clamp(request.Limit, 1, 500))
            .Select(t => new CallbackRetryDto(t.Id, t.Number, t.CallbackAttempts, t.CallbackFailure, t.CallbackRetryAt!.Value))
            .ToListAsync(cancellationToken);
    }
}
