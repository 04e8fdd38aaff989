using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Core.Features.Webhooks;

public static class WebhookSetup
{
    public static void AddWebhooks(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExchangeOptions>().Bind(configuration.GetSection(ExchangeOptions.Section)).ValidateOnStart();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebhookTargetGuard>();
        services.AddSingleton<WebhookDispatcher>();

        // The exchange with peer platforms sends through the same outbox machinery, client and guard.
        services.AddSingleton<Exchange.PeerDispatcher>();
        services.AddScoped<Exchange.PeerAuthenticator>();

        // No redirects (a 302 to an inner address would get round the guard) and the guard again at connect time,
        // on the addresses actually dialled, so a name re-pointed at 127.0.0.1 after it was saved is refused too.
        services.AddHttpClient(WebhookDispatcher.HttpClientName, c => c.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var guard = sp.GetRequiredService<WebhookTargetGuard>();
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseProxy = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    ConnectCallback = async (context, ct) =>
                    {
                        var addresses = await guard.ResolveForConnectAsync(context.DnsEndPoint.Host, ct);
                        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                        try
                        {
                            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                            return new NetworkStream(socket, ownsSocket: true);
                        }
                        catch
                        {
                            socket.Dispose();
                            throw;
                        }
                    },
                };
            });
    }
}
