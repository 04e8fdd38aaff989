using Hotline.Core.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Hotline.Core.Realtime;

public static class RealtimeSetup
{
    public const string ChannelPrefix = "hotline";

    /// <summary>
    /// SignalR with the JSON protocol of the API (and MessagePack for clients that choose it), and the Redis backplane when <c>Redis:Configuration</c> is set.
    /// Every host that publishes (API nodes and workers) must use this, so that a message published by one
    /// process reaches the consoles connected to any API node. The host's readiness reports Redis as
    /// "Degraded" (never "Unhealthy") while it is unreachable: orders are still taken and recorded, only live
    /// pushes stop, and consoles catch up from <c>/api/events</c> when it returns.
    /// </summary>
    public static ISignalRServerBuilder AddHotlineSignalR(this IServiceCollection services, IConfiguration configuration)
    {
        // JSON for the console and browsers; MessagePack for clients that ask for it (smaller frames, less CPU per event).
        var builder = services.AddSignalR().AddJsonProtocol(o => HotlineJson.Configure(o.PayloadSerializerOptions)).AddMessagePackProtocol();
        var redis = configuration["Redis:Configuration"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            var connection = new RedisBackplaneConnection(redis);
            services.AddSingleton(connection);
            builder.AddStackExchangeRedis(o =>
            {
                o.Configuration.ChannelPrefix = RedisChannel.Literal(ChannelPrefix);
                o.ConnectionFactory = _ => connection.GetAsync();
            });
            services.AddHealthChecks().AddCheck<RedisBackplaneHealthCheck>("redis", HealthStatus.Degraded, ["ready"]);
        }

        return builder;
    }
}
