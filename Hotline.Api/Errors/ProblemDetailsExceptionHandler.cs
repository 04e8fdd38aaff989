using System.Text.Json;
using FluentValidation;
using Hotline.Core.Data;
using Hotline.Core.Features.Citizens;
using Hotline.Domain.Common;
using Hotline.Core.Features.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using System.Globalization;

namespace Hotline.Api.Errors;

/// <summary>
/// The one place exceptions become RFC 9457 ProblemDetails: validation and unreadable bodies 400 (with field errors), not
/// found 404, forbidden 403, broken rule / wrong state / stale version 409, the telephone network refusing to bridge an answered call 502, a public submission over its phone's limit 429
/// (with Retry-After), database briefly unreachable 503 (with Retry-After), anything else 500 (a bug).
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            httpContext.Response.StatusCode = 499;
            return true;
        }

        var problem = Map(exception);
        if (problem.Status >= 500)
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = problem.Status ?? 500;
        if (RetryAfter(exception, problem) is { } seconds)
        {
            httpContext.Response.Headers.RetryAfter = seconds;
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Map(Exception exception) => exception switch
    {
        ValidationException validation => new ValidationProblemDetails(
            validation.Errors
                .GroupBy(e => ToCamelPath(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "请求参数有误 (One or more validation errors occurred.)",
        },
        BadHttpRequestException bad => FromBadRequest(bad),
        InvalidDataException or IOException when IsUnreadableBody(exception) => Problem(StatusCodes.Status400BadRequest, "请求体无法读取 (Malformed body)", exception.Message),
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "未找到 (Not found)", notFound.Message),
        ActorNotPermittedException forbidden => Problem(StatusCodes.Status403Forbidden, "无权操作 (Forbidden)", forbidden.Message),
        Core.Features.Assist.AssistDisabledException off => Problem(StatusCodes.Status409Conflict, "大模型辅助未启用 (Assist off)", off.Message),
        Core.Features.Assist.ModelFailedException failed => Problem(StatusCodes.Status502BadGateway, "大模型服务出错 (Model failed)", failed.Message),
        Core.Features.Assist.ModelTimeoutException slow => Problem(StatusCodes.Status504GatewayTimeout, "大模型服务超时 (Model timeout)", slow.Message),
        InvalidTransitionException transition => Problem(StatusCodes.Status409Conflict, "状态不允许该操作 (Invalid transition)", transition.Message),
        DomainException rule => Problem(StatusCodes.Status409Conflict, "业务规则不允许 (Conflict)", rule.Message),
        ConcurrencyConflictException stale => Problem(StatusCodes.Status409Conflict, "数据已被更新 (Version conflict)", stale.Message),
        DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "数据已被更新 (Version conflict)", "工单已被他人同时更新，请刷新后重试。"),
        Core.Features.Calls.AnswerCall.TelephonyBridgeFailedException bridge => Problem(StatusCodes.Status502BadGateway, "电话平台未能转接 (Bad gateway)", bridge.Message),
        Core.Features.Calls.GetSoftphoneToken.SoftphoneUnavailableException softphone => Problem(StatusCodes.Status503ServiceUnavailable, "浏览器软电话不可用 (Softphone unavailable)", softphone.Message),
        Core.Features.Attachments.AttachmentTooLargeException large => Problem(StatusCodes.Status413PayloadTooLarge, "文件过大 (Payload too large)", large.Message),
        Core.Features.Attachments.UnsupportedAttachmentException unsupported => Problem(StatusCodes.Status415UnsupportedMediaType, "不支持的文件类型 (Unsupported media type)", unsupported.Message),
        SubmissionThrottledException throttled => Problem(StatusCodes.Status429TooManyRequests, "请求过于频繁 (Too many requests)", throttled.Message),
        Core.Features.Users.SignIn.SignInThrottledException locked => Problem(StatusCodes.Status429TooManyRequests, "登录尝试过于频繁 (Too many sign-in attempts)", locked.Message),
        _ when TransientFailures.IsTransient(exception) => Problem(StatusCodes.Status503ServiceUnavailable, "数据库暂时不可用 (Database unavailable)", "数据库暂时无法连接，本次提交未保存，请稍后重试。"),
        _ => Problem(StatusCodes.Status500InternalServerError, "服务器内部错误 (Internal error)", "请求未能完成，已记录错误，请稍后重试。"),
    };

    private static string? RetryAfter(Exception exception, ProblemDetails problem) => exception switch
    {
        SubmissionThrottledException throttled => Math.Max(1, (int)Math.Ceiling(throttled.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
        Core.Features.Users.SignIn.SignInThrottledException locked => Math.Max(1, (int)Math.Ceiling(locked.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
        Core.Features.Calls.GetSoftphoneToken.SoftphoneUnavailableException => null, // configuration, not load: retrying changes nothing
        _ when problem.Status == StatusCodes.Status503ServiceUnavailable => "5",
        _ => null,
    };

    private static ProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var path = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
            return new ValidationProblemDetails(new Dictionary<string, string[]> { [path] = ["JSON 格式或字段类型不正确。(" + FirstLine(json.Message) + ")"] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "请求体无法解析 (Malformed JSON)",
            };
        }

        var title = bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "请求体过大 (Payload too large)",
            StatusCodes.Status415UnsupportedMediaType => "不支持的内容类型 (Unsupported media type)",
            _ => "请求有误 (Bad request)",
        };
        return Problem(bad.StatusCode, title, bad.Message);
    }

    /// <summary>
    /// The form and multipart readers throw InvalidDataException (no boundary, too many fields, a key too long) and
    /// IOException (a body that ends before its closing boundary): the client's body, not a bug. An IOException from
    /// anywhere else (a file, a socket to the database) stays a 500.
    /// </summary>
    private static bool IsUnreadableBody(Exception exception) =>
        exception is InvalidDataException
        || exception.TargetSite?.DeclaringType?.Namespace is { } origin
            && (origin.StartsWith("Microsoft.AspNetCore.WebUtilities", StringComparison.Ordinal) || origin.StartsWith("Microsoft.AspNetCore.Http", StringComparison.Ordinal)
                || origin.StartsWith("Microsoft.AspNetCore.Server", StringComparison.Ordinal));

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static string ToCamelPath(string propertyName) => string.Join('.', propertyName.Split('.').Select(part =>
        part.Length == 0 || char.IsLower(part[0]) ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
