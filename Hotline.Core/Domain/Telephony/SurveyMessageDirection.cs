namespace Hotline.Core.Domain.Telephony;

public enum SurveyMessageDirection
{
    Outbound,
    Inbound,
}
