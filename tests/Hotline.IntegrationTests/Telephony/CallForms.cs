using System.Globalization;

namespace Hotline.IntegrationTests.Telephony;

/// <summary>The form fields Twilio posts for an incoming call and a call status callback.</summary>
public static class CallForms
{
    public static List<KeyValuePair<string, string>> IncomingCall(string callSid, string phone) =>
    [
        new("AccountSid", TwilioFixture.AccountSid), new("CallSid", callSid), new("From", "+86" + phone), new("Caller", "+86" + phone),
        new("To", TwilioFixture.FromNumber), new("CallStatus", "ringing"), new("Direction", "inbound"),
    ];

    public static List<KeyValuePair<string, string>> Status(string callSid, string status, int sequence, string? duration = null)
    {
        var form = new List<KeyValuePair<string, string>> { new("AccountSid", TwilioFixture.AccountSid), new("CallSid", callSid), new("CallStatus", status), new("SequenceNumber", sequence.ToString(CultureInfo.InvariantCulture)) };
        if (duration is not null)
        {
            form.Add(new("CallDuration", duration));
        }

        return form;
    }

    public static string NewPhone() => "139" + Random.Shared.NextInt64(10_000_000, 99_999_999);

    public static string NewCallSid() => "CA" + Guid.NewGuid().ToString("N");
}
