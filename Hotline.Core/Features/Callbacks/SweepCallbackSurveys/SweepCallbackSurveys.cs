using Hotline.Contracts;
using Hotline.Core.Data;
using Hotline.Domain.Telephony;
using Hotline.Core.Features.Callbacks.ScheduleCallbackSurvey;
using Hotline.Core.Telephony;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Callbacks.SweepCallbackSurveys;

/// <summary>
/// The callback sweep: schedules the surveys of replied orders that have none, then acts on every survey whose
/// indexed <c>DueAt</c> has passed: send the SMS, place the keypad call after the SMS timeout, hand over to the
/// human queue after the call timeout. Safe to run twice or in parallel. Sending is at most once: the message's
/// intent (unique per survey and purpose) and the survey's next stage are committed before Twilio is asked, so
/// a second run finds nothing to send; a crash between that commit and Twilio's answer loses that one message,
/// and the survey moves on (call, then a person) when its answer time runs out. The line is Twilio or the local
/// line (<see cref="ITwilioClient"/> chosen by <see cref="TwilioCredentials.Line"/>); only the delivery differs.
/// </summary>
public sealed record SweepCallbackSurveys : IRequest<CallbackSweepResult>;

public sealed record CallbackSweepResult(int Scheduled, int SmsSent, int CallsPlaced, int ToHuman, int Conflicts);

public sealed partial class SweepCallbackSurveysHandler(
    HotlineDbContext db,
    ITwilioClient twilio,
    TwilioCredentials credentials,
    TelephonyUrls urls,
    TimeProvider time,
    IOptions<CallbackOptions> options,
    ILogger<SweepCallbackSurveysHandler> logger) : IRequestHandler<SweepCallbackSurveys, CallbackSweepResult>
{
    private int _sms;
    private int _calls;
    private int _human;
    private int _conflicts;

    public async Task<CallbackSweepResult> Handle(SweepCallbackSurveys request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var automated = CallbackSurveyScheduler.IsAutomated(credentials, settings);
        var scheduled = automated ? await CallbackSurveyScheduler.ScheduleMissingAsync(db, settings, now, null, cancellationToken) : 0;

        var seen = new HashSet<Guid>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await db.CallbackSurveys.AsNoTracking()
                .Where(s => s.DueAt != null && s.DueAt <= now)
                .OrderBy(s => s.DueAt)
                .Select(s => s.Id)
                .Take(settings.BatchSize)
                .ToListAsync(cancellationToken);
            var fetched = batch.Count;
            batch.RemoveAll(id => !seen.Add(id));
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var id in batch)
            {
                try
                {
                    await ProcessAsync(id, now, automated, cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // Another sweep, or the citizen's answer, changed this survey meanwhile; nothing was sent.
                    _conflicts++;
                }

                db.ChangeTracker.Clear();
            }

            if (fetched < settings.BatchSize)
            {
                break;
            }
        }

        if (scheduled + _sms + _calls + _human + _conflicts > 0)
        {
            LogSwept(scheduled, _sms, _calls, _human, _conflicts);
        }

        return new CallbackSweepResult(scheduled, _sms, _calls, _human, _conflicts);
    }

    private async Task ProcessAsync(Guid id, DateTimeOffset now, bool automated, CancellationToken ct)
    {
        var survey = await db.CallbackSurveys.FirstAsync(s => s.Id == id, ct);
        if (!survey.IsDue(now))
        {
            return;
        }

        var order = await db.Tickets.AsNoTracking().Where(t => t.Id == survey.TicketId)
            .Select(t => new { t.Status, t.ReworkCount, t.Number })
            .FirstOrDefaultAsync(ct);
        var attempted = await db.SurveyMessages.AsNoTracking()
            .Where(m => m.SurveyId == survey.Id && m.Purpose != null)
            .Select(m => m.Purpose!)
            .ToListAsync(ct);
        var step = survey.Advance(order?.Status, order?.ReworkCount ?? -1, automated, options.Value.WithinHours(now), attempted, now);
        if (step == SurveyStep.SendSms)
        {
            await SendSmsAsync(survey, order!.Number, now, ct);
        }
        else if (step == SurveyStep.PlaceCall)
        {
            await PlaceCallAsync(survey, now, ct);
        }
        else if (step != SurveyStep.None)
        {
            await db.SaveChangesAsync(ct);
            _human += step == SurveyStep.ToHuman ? 1 : 0;
        }
    }

    private Task SendSmsAsync(CallbackSurvey survey, string number, DateTimeOffset now, CancellationToken ct)
    {
        var to = PhoneNumbers.ToE164(survey.Phone);
        var body = string.Format(System.Globalization.CultureInfo.InvariantCulture, SurveyAnswer.Question, number);
        survey.SmsSent(now + options.Value.SmsTimeout, now);
        return SendOnceAsync(
            survey,
            SurveyMessage.Intent(survey.Id, SurveyMessage.SurveySms, to, body, now),
            () => twilio.SendMessageAsync(to, body, urls.Absolute(TelephonyUrls.SmsStatus), ct),
            // Refused (e.g. 21211 invalid number, 21610 unsubscribed): go on to the call at the next sweep.
            refused: () => survey.SmsRefused(now),
            now,
            ct);
    }

    private Task PlaceCallAsync(CallbackSurvey survey, DateTimeOffset now, CancellationToken ct)
    {
        var to = PhoneNumbers.ToE164(survey.Phone);
        var twiml = new Twiml()
            .Say("您好，这里是12345政务服务便民热线回访。")
            .Gather(urls.SurveyAction(survey.Id, "satisfaction"), KeypadSurvey.SatisfactionPrompt)
            .Redirect(urls.SurveyAction(survey.Id, "satisfaction", attempt: 2))
            .ToString();
        survey.CallPlaced(now + options.Value.CallTimeout, now);
        return SendOnceAsync(
            survey,
            SurveyMessage.Intent(survey.Id, SurveyMessage.SurveyCall, to, null, now),
            () => twilio.CreateCallAsync(to, twiml, urls.Absolute(TelephonyUrls.VoiceStatus), ct),
            refused: () =>
            {
                survey.ToHuman(now);
                _human++;
            },
            now,
            ct);
    }

    /// <summary>
    /// Commits the intent with the survey's next stage, then asks Twilio once. A second run cannot insert the same
    /// intent (unique per survey and purpose), so nothing is sent twice; a lost answer is recorded as unknown.
    /// </summary>
    private async Task SendOnceAsync(CallbackSurvey survey, SurveyMessage intent, Func<Task<TwilioResource>> send, Action refused, DateTimeOffset now, CancellationToken ct)
    {
        db.SurveyMessages.Add(intent);
        await db.SaveChangesAsync(ct);

        try
        {
            var sent = await send();
            intent.Accepted(sent.Sid, sent.Status, now);
            if (intent.Purpose == SurveyMessage.SurveySms)
            {
                _sms++;
            }
            else
            {
                _calls++;
            }
        }
        catch (TwilioApiException ex)
        {
            LogSendFailed(ex, intent.Purpose!, survey.Id);
            intent.Failed(ex.MayHaveBeenProcessed ? "unknown" : "failed", ex.Message, now);
            if (!ex.MayHaveBeenProcessed)
            {
                refused();
            }
        }

        await SaveOutcomeAsync(ct);
    }

    private async Task SaveOutcomeAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The citizen answered in the meantime; the sid is lost from the log, nothing else.
            _conflicts++;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback sweep: {Scheduled} scheduled, {Sms} SMS sent, {Calls} calls placed, {Human} to the human queue, {Conflicts} lost to concurrent changes")]
    private partial void LogSwept(int scheduled, int sms, int calls, int human, int conflicts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Survey {Kind} for survey {SurveyId} failed")]
    private partial void LogSendFailed(Exception exception, string kind, Guid surveyId);
}
