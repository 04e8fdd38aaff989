using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Hotline.Core.Realtime;

/// <summary>
/// The one Redis connection of a process, shared by SignalR's backplane and the readiness check. It never
/// fails the host: it starts even when Redis is down and reconnects in the background, and while it is
/// disconnected a publish fails at once (FailFast) instead of queueing and holding the request that caused it;
/// the real-time notifier logs the failure and consoles re-sync from <c>/api/events</c>.
/// </summary>
public sealed class RedisBackplaneConnection(string configuration) : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection = new(() => ConnectAsync(configuration));

    public Task<IConnectionMultiplexer> GetAsync() => _connection.Value;

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }

    private static async Task<IConnectionMultiplexer> ConnectAsync(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 3000);
        options.ConnectRetry = 1;
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        return await ConnectionMultiplexer.ConnectAsync(options);
    }
}

/// <summary>Redis answers a PING within two seconds; otherwise the host is degraded (no live pushes), not down.</summary>
internal sealed class RedisBackplaneHealthCheck(RedisBackplaneConnection connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var redis = await connection.GetAsync();
            if (!redis.IsConnected)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, "Redis 不可达：实时推送暂停，控制台恢复后从 /api/events 补齐。");
            }

            var started = Stopwatch.GetTimestamp();
            await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy($"Redis backplane connected ({Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms).");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis 不可达：实时推送暂停，控制台恢复后从 /api/events 补齐。", ex);
        }
    }
}
