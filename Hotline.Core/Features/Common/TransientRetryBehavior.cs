using Hotline.Core.Data;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Hotline.Core.Features.Common;

/// <summary>
/// Inside logging, around validation (validators read reference data) and the handler: when the database is briefly unreachable (a failover, a restart, a dropped pooled
/// connection), the handler runs again from a clean change tracker, with backoff. Only an attempt that saved
/// nothing is retried: a failure after a save may have committed, and running the command again could do it
/// twice. A transaction that failed before its commit rolled back whole, so no order is ever half-written;
/// when the retries run out the caller gets a 503 and can send the same request again.
/// </summary>
public sealed partial class TransientRetryBehavior<TRequest, TResponse>(HotlineDbContext db, ILogger<TransientRetryBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    internal static readonly TimeSpan[] Delays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)];

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        for (var attempt = 0; ; attempt++)
        {
            var savesBefore = db.SaveCount;
            try
            {
                return await next();
            }
            catch (Exception ex) when (attempt < Delays.Length && db.SaveCount == savesBefore && TransientFailures.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                LogRetry(typeof(TRequest).Name, attempt + 1, Delays[attempt].TotalMilliseconds, ex.GetBaseException().Message);
                db.ChangeTracker.Clear();
                await Task.Delay(Delays[attempt], cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Request}: the database is unavailable, retry {Attempt} in {DelayMs} ms ({Reason})")]
    private partial void LogRetry(string request, int attempt, double delayMs, string reason);
}
