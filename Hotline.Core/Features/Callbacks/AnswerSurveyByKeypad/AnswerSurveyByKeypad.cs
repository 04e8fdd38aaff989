using Hotline.Core.Data;
using Hotline.Domain.Telephony;
using Hotline.Core.Telephony;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Callbacks.AnswerSurveyByKeypad;

/// <summary>
/// A key pressed in the survey call (<c>/twilio/survey/answer?survey=…&amp;step=…&amp;attempt=…</c>, ids signed
/// with the URL): satisfaction first, then solved; the second key ends the survey through RecordCallback.
/// No or a wrong key asks once more, then hangs up and the survey falls to the human queue at its timeout.
/// A repeated delivery after the end only says thanks. Returns the TwiML.
/// </summary>
public sealed record AnswerSurveyByKeypad(WebhookRequest Webhook) : IRequest<string>;

public sealed class AnswerSurveyByKeypadHandler(HotlineDbContext db, IMediator mediator, TelephonyUrls urls, TimeProvider time)
    : IRequestHandler<AnswerSurveyByKeypad, string>
{
    public async Task<string> Handle(AnswerSurveyByKeypad request, CancellationToken cancellationToken)
    {
        var webhook = request.Webhook;
        var step = webhook.QueryValue("step");
        var attempt = int.TryParse(webhook.QueryValue("attempt"), out var a) ? a : 1;
        var survey = Guid.TryParse(webhook.QueryValue("survey"), out var id)
            ? await db.CallbackSurveys.FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            : null;
        if (survey is null || step is not ("satisfaction" or "solved"))
        {
            return new Twiml().Say(KeypadSurvey.Goodbye).Hangup().ToString();
        }

        if (!survey.IsAnswerable)
        {
            return new Twiml().Say(KeypadSurvey.Thanks).Hangup().ToString();
        }

        var digit = webhook["Digits"] is { Length: 1 } d ? d[0] : '\0';
        var now = time.GetUtcNow();
        if (step == "satisfaction" && SurveyAnswer.IsSatisfaction(digit))
        {
            survey.KeepSatisfaction(digit - '0', now);
            await db.SaveChangesAsync(cancellationToken);
            return Ask(survey.Id, "solved", KeypadSurvey.SolvedPrompt, 1, null);
        }

        if (step == "solved" && survey.Satisfaction is { } satisfaction && SurveyAnswer.IsSolved(digit))
        {
            await SurveyCompletion.CompleteAsync(mediator, db, survey, satisfaction, digit == '1', "Keypad", now, cancellationToken);
            return new Twiml().Say(KeypadSurvey.Thanks).Hangup().ToString();
        }

        if (step == "solved" && survey.Satisfaction is null)
        {
            return Ask(survey.Id, "satisfaction", KeypadSurvey.SatisfactionPrompt, 1, null);
        }

        return attempt >= 3
            ? new Twiml().Say(KeypadSurvey.Goodbye).Hangup().ToString()
            : Ask(survey.Id, step, step == "solved" ? KeypadSurvey.SolvedPrompt : KeypadSurvey.SatisfactionPrompt, attempt + 1, KeypadSurvey.Retry);
    }

    private string Ask(Guid surveyId, string step, string prompt, int attempt, string? before)
    {
        var twiml = new Twiml();
        if (before is not null)
        {
            twiml.Say(before);
        }

        return twiml.Gather(urls.SurveyAction(surveyId, step, attempt), prompt)
            .Redirect(urls.SurveyAction(surveyId, step, attempt + 1))
            .ToString();
    }
}
