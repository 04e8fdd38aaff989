using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Calls.ListCalls;

/// <summary><c>GET /api/calls?active=true</c>: the latest calls (active ones only when asked), each with the order registered from it.</summary>
public sealed record ListCalls(bool ActiveOnly, int Limit = 100) : IRequest<IReadOnlyList<CallDto>>;

public sealed class ListCallsHandler(HotlineDbContext db) : IRequestHandler<ListCalls, IReadOnlyList<CallDto>>
{
    public async Task<IReadOnlyList<CallDto>> Handle(ListCalls request, CancellationToken cancellationToken)
    {
        var calls = db.Calls.AsNoTracking();
        if (request.ActiveOnly)
        {
            calls = calls.Where(c => c.IsActive);
        }

        // The link is the order's callSid (indexed), so it holds however the order was registered.
        return await calls
            .OrderByDescending(c => c.StartedAt)
            .Take(Math.Clamp(request.Limit, 1, 500))
            .Select(c => new CallDto(
                c.Id, c.CallSid, c.From, c.Status, c.StartedAt, c.EndedAt, c.DurationSeconds, c.RecordingUrl,
                db.Tickets.Where(t => t.CallSid == c.CallSid).OrderBy(t => t.CreatedAt).Select(t => (Guid?)t.Id).FirstOrDefault(),
                c.AgentId, c.AgentAnsweredAt, c.PriorityReason, c.SeatGroup, c.FlagReason, c.FlagPolicy, c.Limited, c.CurrentAgentId, c.OnHold))
            .ToListAsync(cancellationToken);
    }
}
