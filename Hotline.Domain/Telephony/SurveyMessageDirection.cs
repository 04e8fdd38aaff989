namespace Hotline.Domain.Telephony;

public enum SurveyMessageDirection
{
    Outbound,
    Inbound,
}
