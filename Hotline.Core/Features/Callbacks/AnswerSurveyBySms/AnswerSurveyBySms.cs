using Hotline.Core.Data;
using Hotline.Core.Features.Reference;
using Hotline.Domain.Telephony;
using Hotline.Core.Telephony;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Callbacks.AnswerSurveyBySms;

/// <summary>
/// An SMS to the hotline's number (<c>/twilio/sms/incoming</c>), matched to the open survey of the sender's phone.
/// Two digits end the survey; one satisfaction digit is kept and the solved question asked. Each message is
/// stored under its unique MessageSid first, so a repeated delivery changes nothing and is answered with nothing.
/// An SMS from a mainland mobile phone with no open survey is stored nowhere and answered with how to submit a demand (SMS
/// intake is not built); other senders (service numbers, landlines) get nothing, so two auto-replies never loop.
/// Returns the TwiML reply.
/// </summary>
public sealed record AnswerSurveyBySms(WebhookRequest Webhook) : IRequest<string>;

public sealed class AnswerSurveyBySmsHandler(HotlineDbContext db, ReferenceDataCache reference, TelephonyUrls urls, TimeProvider time) : IRequestHandler<AnswerSurveyBySms, string>
{
    public async Task<string> Handle(AnswerSurveyBySms request, CancellationToken cancellationToken)
    {
        var sid = request.Webhook["MessageSid"] ?? request.Webhook["SmsSid"];
        var phone = PhoneNumbers.Normalize(request.Webhook["From"]);
        var body = request.Webhook["Body"] ?? string.Empty;
        if (sid is null || phone is null || await db.SurveyMessages.AnyAsync(m => m.Sid == sid, cancellationToken))
        {
            return Twiml.Empty().ToString();
        }

        var survey = await db.CallbackSurveys
            .Where(s => s.Phone == phone && CallbackSurvey.Answerable.Contains(s.Stage))
            .OrderByDescending(s => s.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (survey is null)
        {
            var mainlandMobile = PhoneNumbers.IsMobile(phone) && request.Webhook["From"]!.Trim() == PhoneNumbers.ToE164(phone);
            return mainlandMobile ? new Twiml().Message(SurveyAnswer.HowToSubmit(urls.CitizenForm)).ToString() : Twiml.Empty().ToString();
        }

        var now = time.GetUtcNow();
        db.SurveyMessages.Add(SurveyMessage.Received(survey.Id, sid, phone, body.Length > 1600 ? body[..1600] : body, now));
        var digits = SurveyAnswer.Digits(body);
        if (digits is { Length: 2 } && SurveyAnswer.IsSatisfaction(digits[0]) && SurveyAnswer.IsSolved(digits[1]))
        {
            var recorded = await SurveyCompletion.CompleteAsync(db, reference, survey, digits[0] - '0', digits[1] == '1', "Sms", now, cancellationToken);
            return recorded ? new Twiml().Message(SurveyAnswer.Thanks).ToString() : Twiml.Empty().ToString();
        }

        // One digit: the solved answer when satisfaction is already known, otherwise the satisfaction.
        if (digits is { Length: 1 } && survey.Satisfaction is { } satisfaction && SurveyAnswer.IsSolved(digits[0]))
        {
            var recorded = await SurveyCompletion.CompleteAsync(db, reference, survey, satisfaction, digits[0] == '1', "Sms", now, cancellationToken);
            return recorded ? new Twiml().Message(SurveyAnswer.Thanks).ToString() : Twiml.Empty().ToString();
        }

        if (digits is { Length: 1 } && survey.Satisfaction is null && SurveyAnswer.IsSatisfaction(digits[0]))
        {
            survey.AwaitSolved(digits[0] - '0', now);
            await db.SaveChangesAsync(cancellationToken);
            return new Twiml().Message(SurveyAnswer.SolvedQuestion).ToString();
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Twiml().Message(survey.Satisfaction is null ? SurveyAnswer.Help : SurveyAnswer.SolvedQuestion).ToString();
    }
}
