using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace Hotline.Core.Features.Webhooks;

/// <summary>
/// One attempt of an outbox row (webhooks and peer platforms): a POST signed with <see cref="WebhookSignature"/>, with
/// the attempt number, under a timeout. Answers what happened as data, for the row's retry schedule; never throws for
/// the receiver's failures. Null when the host is stopping (the row stays leased and is sent again once the lease ends).
/// </summary>
public static class SignedPost
{
    public const string AttemptHeader = "Hotline-Delivery-Attempt";

    /// <summary>How much of a receiver's answer is read (a peer's acknowledgement is small).</summary>
    public const int MaxAnswerBytes = 64 * 1024;

    /// <summary><paramref name="Error"/> null: a 2xx answer; <paramref name="Answer"/> is its body when asked for.</summary>
    public sealed record Outcome(int? Status, string? Error, byte[] Answer, TimeSpan Elapsed);

    public static async Task<Outcome?> SendAsync(
        HttpClient client,
        Uri url,
        byte[] body,
        string contentType,
        string secret,
        DateTimeOffset at,
        int attempt,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string> headers,
        bool readAnswer,
        CancellationToken ct)
    {
        int? status = null;
        string? error = null;
        byte[] answer = [];
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Create(secret, at.ToUnixTimeSeconds(), body));
            request.Headers.Add(AttemptHeader, attempt.ToString(CultureInfo.InvariantCulture));
            foreach (var (name, value) in headers)
            {
                request.Headers.Add(name, value);
            }

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(timeout);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                error = $"HTTP {status} {response.ReasonPhrase}";
            }
            else if (readAnswer)
            {
                answer = await ReadLimitedAsync(response.Content, limit.Token);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
        catch (OperationCanceledException)
        {
            error = $"Timed out after {timeout.TotalSeconds:0.#} s";
        }
        catch (HttpRequestException e)
        {
            error = e.InnerException is { } inner && !e.Message.Contains(inner.Message, StringComparison.Ordinal) ? $"{e.Message} ({inner.Message})" : e.Message;
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
        {
            // A connection reset by the far side while the answer is read (or at connect, by the guard's own socket).
            error = e.Message;
        }

        return new Outcome(status, error, answer, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>An error as the row keeps it (at most <paramref name="max"/> characters).</summary>
    public static string Clip(string error, int max) => error.Length > max ? error[..max] : error;

    private static async Task<byte[]> ReadLimitedAsync(HttpContent content, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxAnswerBytes)
            {
                throw new HttpRequestException($"The answer is longer than {MaxAnswerBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
