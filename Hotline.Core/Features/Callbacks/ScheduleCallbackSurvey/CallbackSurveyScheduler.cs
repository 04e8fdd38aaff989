using Hotline.Contracts;
using Hotline.Core.Data;
using Hotline.Domain.Telephony;
using Hotline.Domain.Tickets;
using Hotline.Core.Telephony;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Callbacks.ScheduleCallbackSurvey;

/// <summary>
/// When an order is replied (after the commit), or its reply passes 办结审核, its automated survey is scheduled: SMS after
/// <c>Callbacks:DelayAfterReply</c>, inside <c>Callbacks:Hours</c>, on Twilio or on the local line (embedded database
/// without Twilio). Without a line (server database without Twilio), or with <c>Callbacks:Automated=false</c>,
/// nothing is scheduled and the order waits in the human callback queue. The callback sweep schedules whatever
/// this handler missed.
/// </summary>
public sealed class CallbackSurveyScheduler(HotlineDbContext db, TwilioCredentials credentials, IOptions<CallbackOptions> options, TimeProvider time)
    : INotificationHandler<TicketReplied>, INotificationHandler<ReplyReviewed>
{
    public Task Handle(TicketReplied replied, CancellationToken cancellationToken) => ScheduleAsync(replied.TicketId, cancellationToken);

    /// <summary>A reply approved by 办结审核 is surveyed from then on.</summary>
    public Task Handle(ReplyReviewed reviewed, CancellationToken cancellationToken) =>
        reviewed.Approved ? ScheduleAsync(reviewed.TicketId, cancellationToken) : Task.CompletedTask;

    private async Task ScheduleAsync(Guid ticketId, CancellationToken cancellationToken)
    {
        if (!IsAutomated(credentials, options.Value))
        {
            return;
        }

        await ScheduleMissingAsync(db, options.Value, time.GetUtcNow(), [ticketId], cancellationToken);
    }

    /// <summary>True when replied orders are surveyed automatically: a line to send on, and surveys not switched off.</summary>
    public static bool IsAutomated(TwilioCredentials credentials, CallbackOptions options) =>
        credentials.Line != TelephonyLine.None && options.Automated;

    /// <summary>
    /// Creates the survey of every replied order (all of them when <paramref name="ticketIds"/> is null) that has
    /// none for its current round. The unique (TicketId, Round) index makes a concurrent duplicate fail harmlessly.
    /// </summary>
    public static async Task<int> ScheduleMissingAsync(HotlineDbContext db, CallbackOptions options, DateTimeOffset now, IReadOnlyCollection<Guid>? ticketIds, CancellationToken ct)
    {
        var query = db.Tickets.AsNoTracking().Where(t => t.Status == TicketStatus.Replied && t.ReviewStatus != ReviewStatus.Pending);
        if (ticketIds is not null)
        {
            query = query.Where(t => ticketIds.Contains(t.Id));
        }

        var missing = await query
            .Where(t => !db.CallbackSurveys.Any(s => s.TicketId == t.Id && s.Round == t.ReworkCount))
            .OrderBy(t => t.RepliedAt)
            .Take(options.BatchSize)
            .Select(t => new { t.Id, t.ReworkCount, Phone = t.Citizen.Phone, t.RepliedAt })
            .ToListAsync(ct);

        var created = 0;
        foreach (var ticket in missing)
        {
            // No usable phone: nothing to automate; recorded as the human queue's so it is not looked at again.
            var survey = PhoneNumbers.Normalize(ticket.Phone) is { } phone
                ? CallbackSurvey.Schedule(ticket.Id, ticket.ReworkCount, phone, options.WithinHours((ticket.RepliedAt ?? now) + options.DelayAfterReply), now)
                : CallbackSurvey.ForPerson(ticket.Id, ticket.ReworkCount, ticket.Phone, now);
            db.CallbackSurveys.Add(survey);
            try
            {
                await db.SaveChangesAsync(ct);
                created++;
            }
            catch (DbUpdateException)
            {
                // Scheduled meanwhile by the reply's handler or another sweep.
            }

            db.ChangeTracker.Clear();
        }

        return created;
    }
}
