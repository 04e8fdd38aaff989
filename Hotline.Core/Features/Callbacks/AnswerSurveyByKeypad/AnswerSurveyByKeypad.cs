using Hotline.Core.Data;
using Hotline.Core.Features.Reference;
using Hotline.Domain.Telephony;
using Hotline.Core.Telephony;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Callbacks.AnswerSurveyByKeypad;

/// <summary>
/// A key pressed in the survey call (<c>/twilio/survey/answer?survey=…&amp;step=…&amp;attempt=…</c>, ids signed
/// with the URL): satisfaction first, then solved; the second key ends the survey on the order (SurveyCompletion).
/// No or a wrong key asks once more, then hangs up and the survey falls to the human queue at its timeout.
/// A repeated delivery after the end only says thanks. Returns the TwiML.
/// </summary>
public sealed record AnswerSurveyByKeypad(WebhookRequest Webhook) : IRequest<string>;

public sealed class AnswerSurveyByKeypadHandler(HotlineDbContext db, ReferenceDataCache reference, TelephonyUrls urls, TimeProvider time)
    : IRequestHandler<AnswerSurveyByKeypad, string>
{
    public async Task<string> Handle(AnswerSurveyByKeypad request, CancellationToken cancellationToken)
    {
        var webhook = request.Webhook;
        SurveyQuestion? question = webhook.QueryValue("step") switch
        {
            "satisfaction" => SurveyQuestion.Satisfaction,
            "solved" => SurveyQuestion.Solved,
            _ => null,
        };
        var attempt = int.TryParse(webhook.QueryValue("attempt"), out var a) ? a : 1;
        var survey = Guid.TryParse(webhook.QueryValue("survey"), out var id)
            ? await db.CallbackSurveys.FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            : null;
        if (survey is null || question is null)
        {
            return new Twiml().Say(KeypadSurvey.Goodbye).Hangup().ToString();
        }

        var digit = webhook["Digits"] is { Length: 1 } d ? d[0] : '\0';
        var now = time.GetUtcNow();
        var step = survey.AnswerByKeypad(question.Value, digit, attempt, now);
        switch (step.Action)
        {
            case KeypadAction.Complete:
                await SurveyCompletion.CompleteAsync(db, reference, survey, survey.Satisfaction!.Value, step.Solved, "Keypad", now, cancellationToken);
                return new Twiml().Say(KeypadSurvey.Thanks).Hangup().ToString();
            case KeypadAction.Thank:
                return new Twiml().Say(KeypadSurvey.Thanks).Hangup().ToString();
            case KeypadAction.GiveUp:
                return new Twiml().Say(KeypadSurvey.Goodbye).Hangup().ToString();
            default:
                await db.SaveChangesAsync(cancellationToken);
                return Ask(survey.Id, step.Question, step.Attempt, step.Action == KeypadAction.AskAgain ? KeypadSurvey.Retry : null);
        }
    }

    private string Ask(Guid surveyId, SurveyQuestion question, int attempt, string? before)
    {
        var (step, prompt) = question == SurveyQuestion.Solved
            ? ("solved", KeypadSurvey.SolvedPrompt)
            : ("satisfaction", KeypadSurvey.SatisfactionPrompt);
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
