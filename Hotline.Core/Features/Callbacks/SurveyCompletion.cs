using Hotline.Contracts;
using Hotline.Core.Data;
using Hotline.Core.Features.Reference;
using Hotline.Domain.Common;
using Hotline.Domain.Telephony;
using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Callbacks;

/// <summary>
/// Ends a survey with the citizen's answer (by SMS or keypad): the order records it with <see cref="Ticket.RecordCallback"/>,
/// the method every callback channel ends in, as the system actor <c>callback-survey</c> (dissatisfied or unsolved sends
/// the order back for rework), and the survey completes, both in one SaveChanges.
/// </summary>
public static class SurveyCompletion
{
    /// <summary>The system actor of automated callbacks: the callback role, no user.</summary>
    public static readonly Actor SurveyActor = new(null, "callback-survey", [Roles.Callback], null);

    /// <summary>True when the answer was recorded on the order; false when the order had already left Replied (the survey is cancelled).</summary>
    public static async Task<bool> CompleteAsync(
        HotlineDbContext db, ReferenceDataCache reference, CallbackSurvey survey, int satisfaction, bool solved, string channel, DateTimeOffset now, CancellationToken ct)
    {
        var note = channel == "Sms" ? $"短信回访：{satisfaction}{(solved ? 1 : 2)}" : $"电话按键回访：{satisfaction}{(solved ? 1 : 2)}";
        var ticket = await db.Tickets.Include(t => t.Participants).FirstOrDefaultAsync(t => t.Id == survey.TicketId, ct);
        try
        {
            ticket?.RecordCallback(CallbackSurvey.OutcomeOf(satisfaction), solved, note, await reference.GetAsync(ct), SurveyActor, now);
        }
        catch (DomainException)
        {
            // A person recorded the callback first, or a supervisor closed the order: keep the answer off the order.
            // The order refuses before it changes anything, so only the survey is saved.
            ticket = null;
        }

        if (ticket is null)
        {
            survey.Cancel(now);
        }
        else
        {
            survey.Complete(satisfaction, solved, channel, now);
        }

        await db.SaveChangesAsync(ct);
        return ticket is not null;
    }
}
