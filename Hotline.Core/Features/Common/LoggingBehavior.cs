using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Hotline.Core.Features.Common;

public sealed partial class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger, ICurrentUser currentUser)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            LogHandled(typeof(TRequest).Name, currentUser.Actor.UserName, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            LogFailed(typeof(TRequest).Name, currentUser.Actor.UserName, ex.GetType().Name, ex.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} by {User} handled in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(string request, string user, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} by {User} refused: {Error}: {Reason}")]
    private partial void LogFailed(string request, string user, string error, string reason);
}
