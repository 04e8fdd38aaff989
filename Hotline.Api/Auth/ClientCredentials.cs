using System.Net.Http.Headers;
using System.Text;
using Hotline.Contracts.Auth;
using Hotline.Core.Features.Users.UnitClients;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hotline.Api.Auth;

/// <summary>
/// <c>POST /api/auth/client-token</c>: the OAuth 2.0 client credentials grant (RFC 6749 §4.4) for units' own systems.
/// The request is a form (<c>grant_type=client_credentials</c>) with the credentials either in HTTP Basic
/// (§2.3.1, each half form-encoded) or as <c>client_id</c> and <c>client_secret</c> fields; errors are ProblemDetails
/// that also carry the RFC's <c>error</c> and <c>error_description</c> members, so an OAuth library reads them too.
/// </summary>
public static class ClientCredentials
{
    public const int MaxFieldLength = 200;

    public static async Task<Results<Ok<ClientTokenResponse>, ProblemHttpResult>> TokenAsync(HttpContext http, IMediator m, TokenService tokens, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        if (!http.Request.HasFormContentType || http.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "请求须为 application/x-www-form-urlencoded 表单。(The token request must be a form.)");
        }

        var form = await http.Request.ReadFormAsync(ct);
        var grantType = form["grant_type"].ToString();
        if (grantType.Length == 0)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "缺少 grant_type。(grant_type is required.)");
        }

        if (!string.Equals(grantType, "client_credentials", StringComparison.Ordinal))
        {
            return Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", "只支持 grant_type=client_credentials。");
        }

        var basic = Basic(http.Request);
        var formId = form["client_id"].ToString();
        var formSecret = form["client_secret"].ToString();
        if (basic is { Failed: true } || (basic is not null && (formId.Length > 0 || formSecret.Length > 0)))
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "凭据须只用一种方式提交：HTTP Basic，或 client_id 与 client_secret 表单字段。");
        }

        var (clientId, secret) = basic is { } b ? (b.Id, b.Secret) : (formId, formSecret);
        if (clientId.Length is 0 or > MaxFieldLength || secret.Length is 0 or > MaxFieldLength)
        {
            return basic is not null || clientId.Length > 0 || secret.Length > 0
                ? InvalidClient(http, basic is not null)
                : Error(StatusCodes.Status400BadRequest, "invalid_request", "缺少 client_id 与 client_secret。");
        }

        var grant = await m.Send(new AuthenticateUnitClient(clientId, secret), ct);
        return grant is null ? InvalidClient(http, basic is not null) : TypedResults.Ok(tokens.IssueClient(grant));
    }

    /// <summary>The form in the OpenAPI document (the body is read by hand, so any other type gets the RFC's invalid_request).</summary>
    public static Task DescribeFormBody(Microsoft.OpenApi.OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var text = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String };
        operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
        {
            Required = true,
            Description = "grant_type=client_credentials; client_id and client_secret here or as HTTP Basic (Authorization: Basic base64(client_id:client_secret)).",
            Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
            {
                ["application/x-www-form-urlencoded"] = new()
                {
                    Schema = new Microsoft.OpenApi.OpenApiSchema
                    {
                        Type = Microsoft.OpenApi.JsonSchemaType.Object,
                        Required = new HashSet<string> { "grant_type" },
                        Properties = new Dictionary<string, Microsoft.OpenApi.IOpenApiSchema>
                        {
                            ["grant_type"] = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("client_credentials")] },
                            ["client_id"] = text,
                            ["client_secret"] = text,
                        },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }

    private sealed record BasicCredentials(string Id, string Secret, bool Failed);

    /// <summary>The Basic credentials, null when the request has none.</summary>
    private static BasicCredentials? Basic(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter ?? string.Empty));
            var colon = text.IndexOf(':');
            return colon <= 0
                ? new BasicCredentials(string.Empty, string.Empty, true)
                : new BasicCredentials(Uri.UnescapeDataString(text[..colon].Replace('+', ' ')), Uri.UnescapeDataString(text[(colon + 1)..].Replace('+', ' ')), false);
        }
        catch (FormatException)
        {
            return new BasicCredentials(string.Empty, string.Empty, true);
        }
    }

    private static ProblemHttpResult InvalidClient(HttpContext http, bool usedBasic)
    {
        if (usedBasic)
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"hotline\"";
        }

        return Error(StatusCodes.Status401Unauthorized, "invalid_client", "client_id 或 client_secret 错误，或凭据已吊销。(Client authentication failed.)");
    }

    private static ProblemHttpResult Error(int status, string error, string description) =>
        TypedResults.Problem(
            statusCode: status,
            title: status == StatusCodes.Status401Unauthorized ? "客户端认证失败 (Invalid client)" : "令牌请求无效 (Invalid token request)",
            detail: description,
            extensions: new Dictionary<string, object?> { ["error"] = error, ["error_description"] = description });
}
