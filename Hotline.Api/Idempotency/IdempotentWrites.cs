using System.Security.Cryptography;
using System.Text;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Common.Idempotency;

namespace Hotline.Api.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on the order writes (docs/integration.md): a retried write with the same key and the same
/// request gets the first answer again, marked <c>Idempotent-Replayed: true</c>, instead of changing the order twice.
/// The key is the caller's (per account or machine client); the same key with another request is a 422, one still
/// running a 409. Only successful answers are kept: a refused or failed write changed nothing, so its retry runs again.
/// </summary>
public static class IdempotentWrites
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>Endpoint metadata: the writes of this endpoint honour the header.</summary>
    public static readonly object Enabled = new Marker(true);

    /// <summary>Endpoint metadata: the endpoint handles the header itself (registration keeps the key on the order).</summary>
    public static readonly object Own = new Marker(false);

    private sealed record Marker(bool Honoured);

    public static IApplicationBuilder UseIdempotentWrites(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var marker = http.GetEndpoint()?.Metadata.GetMetadata<Marker>();
        var key = http.Request.Headers[Header].ToString();
        if (marker is not { Honoured: true } || key.Length == 0 || !IsWrite(http.Request.Method) || http.User.Identity?.IsAuthenticated != true)
        {
            await next(http);
            return;
        }

        await RunAsync(http, next, key.Trim());
    });

    private static bool IsWrite(string method) => HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private static async Task RunAsync(HttpContext http, RequestDelegate next, string key)
    {
        if (key.Length is 0 or > IdempotentRequest.MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            await Problem(http, StatusCodes.Status400BadRequest, "Idempotency-Key 无效 (Invalid Idempotency-Key)",
                $"Idempotency-Key 须为 1 到 {IdempotentRequest.MaxKeyLength} 个可见 ASCII 字符，例如一个 UUID。");
            return;
        }

        var actor = http.RequestServices.GetRequiredService<ICurrentUser>().Actor;
        var scope = actor.UserId?.ToString() ?? actor.UserName;
        var store = http.RequestServices.GetRequiredService<IdempotencyStore>();
        var ct = http.RequestAborted;
        var decision = await store.ReserveAsync(scope, key, await HashAsync(http.Request, ct), ct);
        switch (decision)
        {
            case IdempotencyDecision.Mismatch:
                await Problem(http, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key 已被使用 (Key reused)",
                    "该 Idempotency-Key 已用于另一个不同的请求；每个不同的写操作请使用新的键。");
                return;
            case IdempotencyDecision.InProgress:
                http.Response.Headers.RetryAfter = "1";
                await Problem(http, StatusCodes.Status409Conflict, "请求正在处理 (Request in progress)",
                    "使用同一 Idempotency-Key 的请求仍在处理中，请稍后重试。");
                return;
            case IdempotencyDecision.Replay replay:
                http.Response.StatusCode = replay.StatusCode;
                http.Response.Headers[ReplayedHeader] = "true";
                if (replay.ContentType is { } contentType)
                {
                    http.Response.ContentType = contentType;
                }

                if (replay.Location is { } location)
                {
                    http.Response.Headers.Location = location;
                }

                await http.Response.Body.WriteAsync(replay.Body, ct);
                return;
        }

        // This request holds the key: run it with its answer buffered, so the answer can be kept before it is sent.
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        var completed = false;
        try
        {
            await next(http);
            var status = http.Response.StatusCode;
            if (status is >= 200 and < 300 && buffer.Length <= IdempotentRequest.MaxBodyLength)
            {
                // Kept even when the client has gone: its retry must find the answer, not run the write again.
                await store.CompleteAsync(scope, key, status, http.Response.ContentType, http.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null, buffer.ToArray(), CancellationToken.None);
                completed = true;
            }
        }
        finally
        {
            http.Response.Body = original;
            if (!completed)
            {
                await store.ReleaseAsync(scope, key, CancellationToken.None);
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, ct);
    }

    /// <summary>Method, path, query and body: what makes two requests "the same".</summary>
    private static async Task<string> HashAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}\n{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static Task Problem(HttpContext http, int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(http);
}
