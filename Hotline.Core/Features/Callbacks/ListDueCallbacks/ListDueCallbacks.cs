using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Telephony;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Tickets;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Callbacks.ListDueCallbacks;

/// <summary>
/// The callback queue: replied orders waiting for a callback (not for 办结审核), the longest-waiting first. With
/// <c>DueOnly</c>, orders whose automated survey (SMS or keypad call) is still running are left out: they reach
/// the queue when the survey gives up, and at once when Twilio is not configured. An order whose citizen was not
/// reached is out of the queue until its retry time (<c>GET /api/callbacks/retries</c> lists them).
/// </summary>
public sealed record ListDueCallbacks(int Limit = 100, bool DueOnly = false) : IRequest<IReadOnlyList<TicketListItemDto>>;

public sealed class ListDueCallbacksHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time)
    : IRequestHandler<ListDueCallbacks, IReadOnlyList<TicketListItemDto>>
{
    public async Task<IReadOnlyList<TicketListItemDto>> Handle(ListDueCallbacks request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var replied = db.Tickets.AsNoTracking()
            .VisibleTo(currentUser.Actor)
            .Where(t => t.Status == TicketStatus.Replied && t.ReviewStatus != ReviewStatus.Pending)
            .Where(t => t.CallbackRetryAt == null || t.CallbackRetryAt <= now);
        if (request.DueOnly)
        {
            replied = replied.Where(t => !db.CallbackSurveys.Any(s => s.TicketId == t.Id && s.Round == t.ReworkCount
                && (s.Stage == SurveyStage.Scheduled || s.Stage == SurveyStage.SmsSent || s.Stage == SurveyStage.SmsAwaitingSolved || s.Stage == SurveyStage.CallPlaced)));
        }

        return await replied
            .OrderBy(t => t.RepliedAt)
            .ThenBy(t => t.Number)
            .Take(Math.Clamp(request.Limit, 1, 500))
            .Select(t => new TicketListItemDto(t.Id, t.Number, t.Status, t.Type, t.CategoryCode, t.Urgency, t.LeadUnitId, t.CreatedAt, t.Clocks.NextDueAt, false))
            .ToListAsync(cancellationToken);
    }
}
