using System.Diagnostics;
using Hotline.Core.Features.Observability;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Hotline.Core.Features.Common;

/// <summary>The outermost behavior: one log line, one span and one duration measurement per command or query.</summary>
public sealed partial class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger, ICurrentUser currentUser, HotlineMetrics metrics)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string Name = typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        using var activity = HotlineMetrics.ActivitySource.StartActivity(Name);
        activity?.SetTag("hotline.user", currentUser.Actor.UserName);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.Requests.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("request", Name), new KeyValuePair<string, object?>("outcome", "ok"));
            LogHandled(Name, currentUser.Actor.UserName, elapsed.TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            metrics.Requests.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("request", Name),
                new KeyValuePair<string, object?>("outcome", ex.GetType().Name));
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            LogFailed(Name, currentUser.Actor.UserName, ex.GetType().Name, ex.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} by {User} handled in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(string request, string user, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} by {User} refused: {Error}: {Reason}")]
    private partial void LogFailed(string request, string user, string error, string reason);
}
