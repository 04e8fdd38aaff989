using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Telephony;

/// <summary>
/// Twilio's REST API over HttpClient: form-encoded POSTs with HTTP Basic auth (account SID and auth token).
/// Only 429 / 20429 is retried (Twilio did not process the request), with exponential back-off and jitter
/// and Retry-After when given; timeouts and 5xx surface as "may have been processed" and are not retried.
/// </summary>
public sealed partial class TwilioRestClient(HttpClient http, IOptions<TwilioOptions> options, ILogger<TwilioRestClient> logger, Features.Observability.HotlineMetrics metrics) : ITwilioClient
{
    private const string ApiVersion = "2010-04-01";
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    public Task<TwilioResource> SendMessageAsync(string to, string body, string? statusCallback, CancellationToken ct)
    {
        var form = new List<KeyValuePair<string, string>> { new("To", to), new("From", Options.FromNumber!), new("Body", body) };
        if (statusCallback is not null)
        {
            form.Add(new("StatusCallback", statusCallback));
        }

        return CreateAsync("Messages.json", form, ct);
    }

    public Task<TwilioResource> CreateCallAsync(string to, string twiml, string? statusCallback, CancellationToken ct)
    {
        var form = new List<KeyValuePair<string, string>> { new("To", to), new("From", Options.FromNumber!), new("Twiml", twiml) };
        if (statusCallback is not null)
        {
            form.Add(new("StatusCallback", statusCallback));
            foreach (var callbackEvent in new[] { "initiated", "ringing", "answered", "completed" })
            {
                form.Add(new("StatusCallbackEvent", callbackEvent));
            }
        }

        return CreateAsync("Calls.json", form, ct);
    }

    public Task<TwilioResource> DialOutAsync(string agentPhone, string twiml, CancellationToken ct) => CreateCallAsync(agentPhone, twiml, null, ct);

    public Task<TwilioResource> RedirectCallAsync(string callSid, string twiml, CancellationToken ct) =>
        CreateAsync($"Calls/{Uri.EscapeDataString(callSid)}.json", [new("Twiml", twiml)], ct, metricResource: "Calls/{CallSid}.json");

    public Task<TwilioResource> AddParticipantAsync(string conference, ConferenceParticipant participant, CancellationToken ct)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("To", participant.To),
            new("From", Options.FromNumber!),
            new("Beep", "false"),
            new("StartConferenceOnEnter", "true"),
            new("EndConferenceOnExit", participant.EndConferenceOnExit ? "true" : "false"),
            new("Timeout", participant.TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("EarlyMedia", "true"),
        };
        if (participant.StatusCallback is not null)
        {
            form.Add(new("StatusCallback", participant.StatusCallback));
            form.Add(new("StatusCallbackMethod", "POST"));
            foreach (var callbackEvent in new[] { "answered", "completed" })
            {
                form.Add(new("StatusCallbackEvent", callbackEvent));
            }
        }

        return CreateAsync($"Conferences/{Uri.EscapeDataString(conference)}/Participants.json", form, ct, metricResource: "Conferences/{Conference}/Participants.json");
    }

    public Task<TwilioResource> UpdateParticipantAsync(string conferenceSid, string callSid, ParticipantChange change, CancellationToken ct)
    {
        var form = new List<KeyValuePair<string, string>>();
        if (change.Hold is { } hold)
        {
            form.Add(new("Hold", hold ? "true" : "false"));
        }

        if (change.HoldUrl is not null)
        {
            form.Add(new("HoldUrl", change.HoldUrl));
            form.Add(new("HoldMethod", "POST"));
        }

        if (change.EndConferenceOnExit is { } end)
        {
            form.Add(new("EndConferenceOnExit", end ? "true" : "false"));
        }

        return CreateAsync(
            $"Conferences/{Uri.EscapeDataString(conferenceSid)}/Participants/{Uri.EscapeDataString(callSid)}.json", form, ct,
            metricResource: "Conferences/{ConferenceSid}/Participants/{CallSid}.json");
    }

    public Task<TwilioResource> EndCallAsync(string callSid, CancellationToken ct) =>
        CreateAsync($"Calls/{Uri.EscapeDataString(callSid)}.json", [new("Status", "completed")], ct, metricResource: "Calls/{CallSid}.json");

    public async Task<Stream?> OpenRecordingAsync(string recordingSid, CancellationToken ct)
    {
        var uri = new Uri($"{Options.ApiBaseUrl.TrimEnd('/')}/{ApiVersion}/Accounts/{Uri.EscapeDataString(Options.AccountSid!)}/Recordings/{Uri.EscapeDataString(recordingSid)}.mp3");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Options.AccountSid}:{Options.AuthToken}")));
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException ex)
        {
            Record("Recordings/{RecordingSid}.mp3", "no-answer", started);
            throw new TwilioApiException(null, null, $"Twilio recording {recordingSid}: no answer ({ex.GetType().Name}).", null, mayHaveBeenProcessed: false, ex);
        }

        Record("Recordings/{RecordingSid}.mp3", ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), started);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            var error = ParseError(response.StatusCode, await response.Content.ReadAsStringAsync(ct));
            response.Dispose();
            throw new TwilioApiException((int)response.StatusCode, error.Code, $"Twilio recording {recordingSid} answered {(int)response.StatusCode}: {error.Message}", error.MoreInfo, mayHaveBeenProcessed: false);
        }

        return new ResponseStream(response, await response.Content.ReadAsStreamAsync(ct));
    }

    private TwilioOptions Options => options.Value;

    /// <summary>The body of a response that is disposed with it.</summary>
    private sealed class ResponseStream(HttpResponseMessage response, Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private async Task<TwilioResource> CreateAsync(string resource, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken ct, string? metricResource = null)
    {
        var label = metricResource ?? resource;
        if (!Options.IsConfigured)
        {
            throw new InvalidOperationException("Twilio is not configured (Twilio:AccountSid, Twilio:AuthToken).");
        }

        var uri = new Uri($"{Options.ApiBaseUrl.TrimEnd('/')}/{ApiVersion}/Accounts/{Uri.EscapeDataString(Options.AccountSid!)}/{resource}");
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Options.AccountSid}:{Options.AuthToken}"));
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

            HttpResponseMessage response;
            string text;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Options.RequestTimeout);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                response = await http.SendAsync(request, timeout.Token);
                text = await response.Content.ReadAsStringAsync(timeout.Token);
                Record(label, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), started);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
            {
                Record(label, "no-answer", started);
                throw new TwilioApiException(null, null, $"Twilio {resource}: no answer ({ex.GetType().Name}); the request may have been processed.", null, mayHaveBeenProcessed: true, ex);
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return ParseResource(resource, text);
                }

                var error = ParseError(response.StatusCode, text);
                var tooMany = response.StatusCode == HttpStatusCode.TooManyRequests || error.Code == 20429;
                if (tooMany && attempt < Options.MaxAttempts)
                {
                    var delay = Backoff(attempt, response.Headers.RetryAfter);
                    LogRetry(resource, attempt, delay);
                    await Task.Delay(delay, ct);
                    continue;
                }

                throw new TwilioApiException(
                    (int)response.StatusCode,
                    error.Code,
                    $"Twilio {resource} answered {(int)response.StatusCode}" + (error.Code is { } code ? $" ({code})" : string.Empty) + $": {error.Message}",
                    error.MoreInfo,
                    mayHaveBeenProcessed: (int)response.StatusCode >= 500);
            }
        }
    }

    private void Record(string resource, string status, long started) => metrics.Twilio.Record(
        System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,
        new KeyValuePair<string, object?>("resource", resource),
        new KeyValuePair<string, object?>("status", status));

    private TimeSpan Backoff(int attempt, RetryConditionHeaderValue? retryAfter)
    {
        if (retryAfter?.Delta is { } delta && delta > TimeSpan.Zero)
        {
            return delta < MaxDelay ? delta : MaxDelay;
        }

        var exponential = Options.RetryBaseDelay * Math.Pow(2, attempt - 1);
        var jitter = Options.RetryBaseDelay * Random.Shared.NextDouble();
        var delay = exponential + jitter;
        return delay < MaxDelay ? delay : MaxDelay;
    }

    private static TwilioResource ParseResource(string resource, string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            // A participant has no sid of its own: it is known by its call's sid, in its conference.
            var sid = Text(root, "sid") ?? Text(root, "call_sid");
            if (!string.IsNullOrEmpty(sid))
            {
                return new TwilioResource(sid, Text(root, "status"), Text(root, "conference_sid"));
            }
        }
        catch (JsonException)
        {
        }

        throw new TwilioApiException(null, null, $"Twilio {resource} answered success without a sid.", null, mayHaveBeenProcessed: true);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static (int? Code, string Message, string? MoreInfo) ParseError(HttpStatusCode status, string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            int? code = root.TryGetProperty("code", out var c) && c.TryGetInt32(out var value) ? value : null;
            var message = root.TryGetProperty("message", out var m) ? m.GetString() : null;
            var moreInfo = root.TryGetProperty("more_info", out var mi) ? mi.GetString() : null;
            return (code, message ?? status.ToString(), moreInfo);
        }
        catch (JsonException)
        {
            return (null, status.ToString(), null);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio {Resource} answered 429 (attempt {Attempt}); retrying in {Delay}")]
    private partial void LogRetry(string resource, int attempt, TimeSpan delay);
}
