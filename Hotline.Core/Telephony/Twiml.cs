using System.Xml.Linq;

namespace Hotline.Core.Telephony;

/// <summary>
/// A small TwiML builder: every text and attribute goes through XML escaping (XElement), never string
/// concatenation. Speech is Mandarin (<c>cmn-CN</c>, Polly.Zhiyu).
/// </summary>
public sealed class Twiml
{
    public const string ContentType = "text/xml; charset=utf-8";
    public const string Language = "cmn-CN";
    public const string Voice = "Polly.Zhiyu";

    private readonly XElement _response = new("Response");

    public static Twiml Empty() => new();

    public Twiml Say(string text)
    {
        _response.Add(SayElement(text));
        return this;
    }

    /// <summary>A keypad question: the pressed keys are posted as <c>Digits</c> to <paramref name="action"/>.</summary>
    public Twiml Gather(string action, string prompt, int numDigits = 1, int timeoutSeconds = 8)
    {
        _response.Add(new XElement(
            "Gather",
            new XAttribute("input", "dtmf"),
            new XAttribute("numDigits", numDigits),
            new XAttribute("timeout", timeoutSeconds),
            new XAttribute("action", action),
            new XAttribute("method", "POST"),
            SayElement(prompt)));
        return this;
    }

    public Twiml Enqueue(string queue, string? waitUrl = null)
    {
        var element = new XElement("Enqueue", queue);
        if (waitUrl is not null)
        {
            element.Add(new XAttribute("waitUrl", waitUrl));
        }

        _response.Add(element);
        return this;
    }

    /// <summary>Connects the call to a phone number, shown with <paramref name="callerId"/>; <paramref name="action"/> is posted when the dialled leg ends.</summary>
    public Twiml DialNumber(string number, string callerId, string? action = null)
    {
        var dial = new XElement("Dial", new XAttribute("callerId", callerId));
        if (action is not null)
        {
            dial.Add(new XAttribute("action", action), new XAttribute("method", "POST"));
        }

        dial.Add(new XElement("Number", number));
        _response.Add(dial);
        return this;
    }

    /// <summary>
    /// Puts the call into the conference <paramref name="name"/> (no beeps). <paramref name="endOnExit"/>: the conference
    /// ends when this call leaves; <paramref name="waitUrl"/> plays while the conference has not started.
    /// </summary>
    public Twiml DialConference(string name, bool startOnEnter, bool endOnExit, string? waitUrl, string? recordingCallback = null)
    {
        var conference = new XElement(
            "Conference",
            new XAttribute("beep", "false"),
            new XAttribute("startConferenceOnEnter", startOnEnter ? "true" : "false"),
            new XAttribute("endConferenceOnExit", endOnExit ? "true" : "false"));
        if (waitUrl is not null)
        {
            conference.Add(new XAttribute("waitUrl", waitUrl), new XAttribute("waitMethod", "POST"));
        }

        if (recordingCallback is not null)
        {
            conference.Add(
                new XAttribute("record", "record-from-start"),
                new XAttribute("recordingStatusCallback", recordingCallback),
                new XAttribute("recordingStatusCallbackMethod", "POST"),
                new XAttribute("recordingStatusCallbackEvent", "completed"));
        }

        conference.Add(name);
        _response.Add(new XElement("Dial", conference));
        return this;
    }

    public Twiml Redirect(string url)
    {
        _response.Add(new XElement("Redirect", new XAttribute("method", "POST"), url));
        return this;
    }

    public Twiml Message(string body)
    {
        _response.Add(new XElement("Message", body));
        return this;
    }

    /// <summary>Silence of <paramref name="seconds"/> (a wait URL's hold between announcements).</summary>
    public Twiml Pause(int seconds)
    {
        _response.Add(new XElement("Pause", new XAttribute("length", seconds)));
        return this;
    }

    public Twiml Hangup()
    {
        _response.Add(new XElement("Hangup"));
        return this;
    }

    public override string ToString() =>
        new XDocument(new XDeclaration("1.0", "UTF-8", null), _response).Declaration + _response.ToString(SaveOptions.DisableFormatting);

    private static XElement SayElement(string text) =>
        new("Say", new XAttribute("language", Language), new XAttribute("voice", Voice), text);
}
