using System.Text.Json;
using Hotline.Core.Features.Exchange;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Exchange;

/// <summary>
/// Reads a peer platform's request (docs/integration.md, "Hand-over between hotlines"): the exact body bytes, at most
/// <see cref="MaxBodyBytes"/>, checked against the <c>Hotline-Peer</c> key and <c>Hotline-Signature</c> before
/// anything is parsed, so an unauthenticated caller learns nothing but 401; then the JSON, a 400 when malformed.
/// </summary>
public static class PeerRequests
{
    public const int MaxBodyBytes = 1024 * 1024;

    public sealed record Read<T>(AuthenticatedPeer? Peer, T? Body, IResult? Refusal);

    public static async Task<Read<T>> ReadAsync<T>(HttpContext http, PeerAuthenticator authenticator, IOptions<JsonOptions> json, CancellationToken ct)
        where T : class
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return new Read<T>(null, null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "请求体过大 (Payload too large)", detail: $"请求体不能超过 {MaxBodyBytes} 字节。"));
            }

            buffer.Write(chunk, 0, read);
        }

        var body = buffer.ToArray();
        var peer = await authenticator.AuthenticateAsync(
            http.Request.Headers[PeerDispatcher.PeerHeader].ToString(), http.Request.Headers[Core.Features.Webhooks.WebhookSignature.Header].ToString(), body, ct);
        if (peer is null)
        {
            return new Read<T>(null, null, TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "对接平台认证失败 (Invalid peer)",
                detail: "Hotline-Peer 未知或平台已停用，或 Hotline-Signature 与请求体不符、时间戳超出允许范围。(Unknown or disabled peer, or a bad or stale signature.)"));
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body, json.Value.SerializerOptions) is { } parsed
                ? new Read<T>(peer, parsed, null)
                : new Read<T>(peer, null, BadJson("请求体为空。"));
        }
        catch (JsonException e)
        {
            return new Read<T>(peer, null, BadJson(e.Message));
        }
    }

    private static IResult BadJson(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "请求体不是有效的 JSON (Malformed body)", detail: detail);
}
