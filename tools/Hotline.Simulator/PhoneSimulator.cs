using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.Domain.Telephony;
using Hotline.Core.Features.Callbacks;
using Hotline.Core.Telephony;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Simulator;

/// <summary>
/// The citizen's phone for <see cref="TelephonySimulator"/>: posts webhooks signed as Twilio signs them (token over
/// <paramref name="signedBase"/> + path and the form) and, on the local line, reads what the line sent to a phone
/// from the database (<paramref name="openDatabase"/>, null when the line is Twilio). Prints what the phone shows.
/// </summary>
public sealed class PhoneSimulator(HttpClient http, string token, string signedBase, TwilioOptions twilio, Func<HotlineDbContext>? openDatabase, TextWriter output)
{
    private string AccountSid => twilio.AccountSid ?? "ACsimulator";

    private string HotlineNumber => twilio.FromNumber ?? "+8612345";

    public async Task<int> RunAsync(SimulatorCommand command, CancellationToken ct)
    {
        switch (command.Name)
        {
            case "simulate-call":
                var callSid = "CA" + Guid.NewGuid().ToString("N");
                var from = Caller(command.Target);
                var greeting = await PostAsync(TelephonyUrls.VoiceIncoming, [new("CallSid", callSid), new("AccountSid", AccountSid), new("From", from), new("Caller", from), new("To", command.Text ?? HotlineNumber), new("CallStatus", "ringing"), new("Direction", "inbound")], ct);
                if (WaitUrl(greeting) is null)
                {
                    await output.WriteLineAsync($"Call {callSid} from {from} was not queued (outside the staffed hours, or over a flagged number's daily limit).");
                    return 0;
                }

                await PostAsync(TelephonyUrls.VoiceStatus, [new("CallSid", callSid), new("CallStatus", "in-progress"), new("SequenceNumber", "1")], ct);
                await WaitAsync(callSid, ct);
                await output.WriteLineAsync($"Call {callSid} from {from} is ringing the available agents. Hear the position again with: simulate-wait {callSid}; end it with: simulate-hangup {callSid}");
                return 0;
            case "simulate-wait":
                await WaitAsync(command.Target, ct);
                return 0;
            case "simulate-hangup":
                await PostAsync(TelephonyUrls.VoiceStatus, [new("CallSid", command.Target), new("CallStatus", "completed"), new("SequenceNumber", "99"), new("CallDuration", "60")], ct);
                return 0;
            case "simulate-sms":
                await PostAsync(TelephonyUrls.SmsIncoming, [new("MessageSid", "SM" + Guid.NewGuid().ToString("N")), new("AccountSid", AccountSid), new("From", Caller(command.Target)), new("To", HotlineNumber), new("Body", command.Text!), new("NumMedia", "0")], ct);
                return 0;
            case "simulate-inbox":
                return await LocalLineAsync(db => InboxAsync(db, command.Target, ct));
            case "simulate-keypad":
                return await LocalLineAsync(db => KeypadAsync(db, command.Target, command.Text ?? string.Empty, ct));
            default:
                await output.WriteLineAsync(TelephonySimulator.Usage);
                return 2;
        }
    }

    private async Task<int> LocalLineAsync(Func<HotlineDbContext, Task<int>> action)
    {
        if (openDatabase is null)
        {
            await output.WriteLineAsync("simulate-inbox and simulate-keypad play the phone of the local line (本地模拟线路), which exists only with the embedded database and without Twilio. With Twilio, survey SMS and calls reach real phones.");
            return 2;
        }

        await using var db = openDatabase();
        return await action(db);
    }

    private async Task<int> InboxAsync(HotlineDbContext db, string phone, CancellationToken ct)
    {
        var national = PhoneNumbers.Normalize(phone)!;
        var e164 = PhoneNumbers.ToE164(national);
        var messages = await (
                from m in db.SurveyMessages.AsNoTracking()
                join s in db.CallbackSurveys on m.SurveyId equals s.Id
                join t in db.Tickets on s.TicketId equals t.Id
                where m.Phone == e164 || m.Phone == national
                orderby m.CreatedAt
                select new { m.Direction, m.Purpose, m.Sid, m.Body, m.Status, m.CreatedAt, t.Number, s.Stage })
            .ToListAsync(ct);
        if (messages.Count == 0)
        {
            await output.WriteLineAsync($"Nothing on the local line (本地模拟线路) for {national} yet. A survey SMS goes out at the first callback sweep after Callbacks:DelayAfterReply has passed since the unit's reply, within Callbacks:Hours.");
            return 0;
        }

        await output.WriteLineAsync($"Local line (本地模拟线路), phone {national}, oldest first (China time):");
        foreach (var m in messages)
        {
            var at = ChinaTime.ToChina(m.CreatedAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            if (m.Direction == SurveyMessageDirection.Inbound)
            {
                await output.WriteLineAsync($"{at}  短信 → 12345  {m.Sid}  工单 {m.Number}");
                await output.WriteLineAsync($"    {m.Body}");
            }
            else if (m.Purpose == SurveyMessage.SurveyCall)
            {
                await output.WriteLineAsync($"{at}  来电 ← 12345  {m.Sid ?? "(not placed)"}  [{m.Status}]  工单 {m.Number}");
                await output.WriteLineAsync($"    按键回访：{KeypadSurvey.SatisfactionPrompt}");
                if (m.Stage == SurveyStage.CallPlaced && m.Sid is not null && m.Status is LocalLineClient.CallStatus or "in-progress")
                {
                    await output.WriteLineAsync($"    Answer: simulate-keypad {m.Sid} 11    Leave it unanswered: simulate-keypad {m.Sid}");
                }
            }
            else
            {
                await output.WriteLineAsync($"{at}  短信 ← 12345  {m.Sid ?? "(not sent)"}  [{m.Status}]  工单 {m.Number}");
                await output.WriteLineAsync($"    {m.Body}");
                if (m.Stage is SurveyStage.SmsSent or SurveyStage.SmsAwaitingSolved)
                {
                    await output.WriteLineAsync($"    Answer: simulate-sms {national} 11");
                }
            }
        }

        return 0;
    }

    private async Task<int> KeypadAsync(HotlineDbContext db, string callSid, string keys, CancellationToken ct)
    {
        var call = await db.SurveyMessages.AsNoTracking()
            .Where(m => m.Sid == callSid && m.Purpose == SurveyMessage.SurveyCall)
            .Select(m => new { m.SurveyId, m.Phone })
            .FirstOrDefaultAsync(ct);
        if (call is null)
        {
            await output.WriteLineAsync($"No survey call {callSid} on the local line; simulate-inbox <phone> lists them.");
            return 1;
        }

        List<KeyValuePair<string, string>> Call(string status) =>
            [new("CallSid", callSid), new("AccountSid", AccountSid), new("From", HotlineNumber), new("To", call.Phone), new("Direction", "outbound-api"), new("CallStatus", status)];

        if (keys.Length == 0)
        {
            await PostAsync(TelephonyUrls.VoiceStatus, Call("no-answer"), ct);
            await output.WriteLineAsync("The citizen did not answer: the order goes to the human callback queue (回访队列).");
            return 0;
        }

        await PostAsync(TelephonyUrls.VoiceStatus, Call("in-progress"), ct);
        await output.WriteLineAsync($"语音：{KeypadSurvey.SatisfactionPrompt}");
        var action = TelephonyUrls.SurveyActionPath(call.SurveyId, "satisfaction");
        var pressed = 0;
        foreach (var key in keys)
        {
            await output.WriteLineAsync($"按键 {key}");
            var form = Call("in-progress");
            form.Add(new("Digits", key.ToString()));
            var twiml = await PostAsync(action, form, ct);
            pressed++;
            // Twilio posts the next key to the action of the <Gather> the answer asks with; none means the call ends.
            var next = GatherAction(twiml);
            if (next is null)
            {
                break;
            }

            action = next;
        }

        if (pressed < keys.Length)
        {
            await output.WriteLineAsync($"The call had ended; keys not sent: {keys[pressed..]}");
        }

        var completed = Call("completed");
        completed.Add(new("CallDuration", (15 + (10 * pressed)).ToString(CultureInfo.InvariantCulture)));
        await PostAsync(TelephonyUrls.VoiceStatus, completed, ct);
        return 0;
    }

    /// <summary>POSTs a signed form webhook, prints the status and what the phone would say or show; returns the body.</summary>
    private async Task<string> PostAsync(string path, List<KeyValuePair<string, string>> form, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/')) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.Header, TwilioSignature.Compute(token, signedBase + path, form));
        using var response = await http.SendAsync(request, ct);
        await output.WriteLineAsync($"POST {path} → {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync(ct);
        foreach (var line in Readable(body))
        {
            await output.WriteLineAsync("    " + line);
        }

        response.EnsureSuccessStatusCode();
        return body;
    }

    /// <summary>TwiML as the phone shows it (短信回复 / 语音); anything else as it came.</summary>
    private static IEnumerable<string> Readable(string body)
    {
        if (Parse(body) is not { } document)
        {
            return body.Length > 0 ? [body] : [];
        }

        return document.Descendants()
            .Where(e => e.Name.LocalName is "Message" or "Say")
            .Select(e => (e.Name.LocalName == "Message" ? "短信回复：" : "语音：") + e.Value);
    }

    /// <summary>What Twilio does while the caller waits: asks the queue's wait URL, which answers the position and expected wait.</summary>
    private Task<string> WaitAsync(string callSid, CancellationToken ct) =>
        PostAsync(TelephonyUrls.VoiceWait, [new("CallSid", callSid), new("AccountSid", AccountSid), new("QueuePosition", "1"), new("QueueTime", "0"), new("CurrentQueueSize", "1")], ct);

    /// <summary>The <c>&lt;Enqueue waitUrl&gt;</c> of a TwiML answer; null when the caller was not queued.</summary>
    private static string? WaitUrl(string twiml) => Parse(twiml)?.Descendants("Enqueue").FirstOrDefault()?.Attribute("waitUrl")?.Value;

    /// <summary>The path of the <c>&lt;Gather action&gt;</c> in a TwiML answer, relative to the signed base; null when there is none.</summary>
    private string? GatherAction(string twiml)
    {
        var action = Parse(twiml)?.Descendants("Gather").FirstOrDefault()?.Attribute("action")?.Value;
        if (action is null)
        {
            return null;
        }

        if (action.StartsWith(signedBase, StringComparison.Ordinal))
        {
            return action[signedBase.Length..];
        }

        return action.StartsWith('/') ? action : null;
    }

    private static XDocument? Parse(string body)
    {
        try
        {
            return body.TrimStart().StartsWith('<') ? XDocument.Parse(body) : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static string Caller(string phone) => phone.TrimStart().StartsWith('+') ? phone.Trim() : PhoneNumbers.ToE164(PhoneNumbers.Normalize(phone)!);
}
