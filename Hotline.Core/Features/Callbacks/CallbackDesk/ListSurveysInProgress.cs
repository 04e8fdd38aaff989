using Hotline.Contracts.Callbacks;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Tickets;
using Hotline.Domain.Telephony;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Callbacks.CallbackDesk;

/// <summary>
/// <c>GET /api/callbacks/surveys</c>: the automated surveys under way (waiting to send, SMS sent and awaiting the answer,
/// keypad call placed), the next action first: the channel it asks on now, when the latest SMS or call went out, how many
/// were sent and when the sweep acts next (the call after an unanswered SMS, a person after the call).
/// </summary>
public sealed record ListSurveysInProgress(int Limit = 200) : IRequest<IReadOnlyList<SurveyInProgressDto>>;

public sealed class ListSurveysInProgressHandler(HotlineDbContext db, ICurrentUser currentUser)
    : IRequestHandler<ListSurveysInProgress, IReadOnlyList<SurveyInProgressDto>>
{
    public async Task<IReadOnlyList<SurveyInProgressDto>> Handle(ListSurveysInProgress request, CancellationToken cancellationToken)
    {
        var surveys = await db.CallbackSurveys.AsNoTracking()
            .Where(s => CallbackSurvey.Automated.Contains(s.Stage))
            .Join(db.Tickets.AsNoTracking().VisibleTo(currentUser.Actor), s => s.TicketId, t => t.Id, (s, t) => new { s.Id, s.TicketId, t.Number, s.Stage, s.DueAt })
            .OrderBy(s => s.DueAt)
            .Take(Math.Clamp(request.Limit, 1, 500))
            .ToListAsync(cancellationToken);
        var ids = surveys.Select(s => s.Id).ToList();
        var sent = (await db.SurveyMessages.AsNoTracking()
            .Where(m => ids.Contains(m.SurveyId) && m.Direction == SurveyMessageDirection.Outbound
                && (m.Purpose == SurveyMessage.SurveySms || m.Purpose == SurveyMessage.SurveyCall))
            .Select(m => new { m.SurveyId, m.CreatedAt })
            .ToListAsync(cancellationToken))
            .GroupBy(m => m.SurveyId)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Last: g.Max(m => m.CreatedAt)));
        return surveys.Select(s =>
        {
            var attempts = sent.TryGetValue(s.Id, out var a) ? a : (Count: 0, Last: (DateTimeOffset?)null);
            var channel = s.Stage == SurveyStage.CallPlaced ? SurveyChannel.Keypad : SurveyChannel.Sms;
            return new SurveyInProgressDto(s.TicketId, s.Number, s.Stage.ToString(), channel, attempts.Last, attempts.Count, s.DueAt);
        }).ToList();
    }
}
