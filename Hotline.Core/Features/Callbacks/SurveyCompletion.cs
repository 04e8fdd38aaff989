using Hotline.Contracts;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.Domain.Telephony;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Tickets.RecordCallback;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Callbacks;

/// <summary>
/// Ends a survey with the citizen's answer through <see cref="RecordCallback"/>, the command every callback channel
/// uses, as the system actor <c>callback-survey</c>: dissatisfied or unsolved sends the order back for rework.
/// The survey's change is saved in the same SaveChanges as the order's.
/// </summary>
public static class SurveyCompletion
{
    /// <summary>The system actor of automated callbacks: the callback role, no user.</summary>
    public static readonly Actor SurveyActor = new(null, "callback-survey", [Roles.Callback], null);

    /// <summary>True when the answer was recorded on the order; false when the order had already left Replied (the survey is cancelled).</summary>
    public static async Task<bool> CompleteAsync(IMediator mediator, HotlineDbContext db, CallbackSurvey survey, int satisfaction, bool solved, string channel, DateTimeOffset now, CancellationToken ct)
    {
        var note = channel == "Sms" ? $"短信回访：{satisfaction}{(solved ? 1 : 2)}" : $"电话按键回访：{satisfaction}{(solved ? 1 : 2)}";
        survey.Complete(satisfaction, solved, channel, now);
        try
        {
            await mediator.Send(new RecordCallback(survey.TicketId, CallbackSurvey.OutcomeOf(satisfaction), solved, note, null, SurveyActor), ct);
            return true;
        }
        catch (Exception ex) when (ex is DomainException or NotFoundException)
        {
            // A person recorded the callback first, or a supervisor closed the order: keep the answer off the order.
            var id = survey.Id;
            var messages = db.ChangeTracker.Entries<SurveyMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            db.ChangeTracker.Clear();
            var fresh = await db.CallbackSurveys.FirstAsync(s => s.Id == id, ct);
            fresh.Cancel(now);
            db.SurveyMessages.AddRange(messages);
            await db.SaveChangesAsync(ct);
            return false;
        }
    }
}
