using System.Net.Http.Json;
using Hotline.Contracts.Auth;
using Hotline.Contracts.Realtime;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.IntegrationTests.Realtime;

/// <summary>One user's hub connection to one in-process API node (long polling through the test server); collects TicketChanged events.</summary>
internal sealed class HubTestListener : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private readonly System.Threading.Channels.Channel<TicketChanged> _changes = System.Threading.Channels.Channel.CreateUnbounded<TicketChanged>();
    private readonly List<TicketChanged> _received = [];

    private HubTestListener(HubConnection connection)
    {
        Connection = connection;
        connection.On<TicketChanged>(nameof(IHotlineClient.TicketChanged), change => _changes.Writer.TryWrite(change));
    }

    public HubConnection Connection { get; }

    public IReadOnlyList<TicketChanged> Received => _received;

    /// <summary>Signs <paramref name="userName"/> in on <paramref name="node"/> and connects to that node's hub.</summary>
    public static async Task<HubTestListener> ConnectAsync(HotlineApiFactory node, string userName, bool messagePack = false)
    {
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = node.CreateClient();
        var token = await (await anonymous.PostAsJsonAsync("/api/auth/token", new TokenRequest(userName, ApiFixture.DemoPassword), Json.Options, ct)).ReadAsync<TokenResponse>();
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(node.Server.BaseAddress, "/hubs/hotline"), o =>
            {
                o.HttpMessageHandlerFactory = _ => node.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token.AccessToken);
            });
        var connection = (messagePack ? builder.AddMessagePackProtocol() : builder.AddJsonProtocol(o => Hotline.Api.ApiServices.ConfigureJson(o.PayloadSerializerOptions))).Build();
        var listener = new HubTestListener(connection);
        await connection.StartAsync(ct);
        return listener;
    }

    /// <summary>The next change matching <paramref name="match"/>; what came before it is kept in <see cref="Received"/>.</summary>
    public async Task<TicketChanged> NextAsync(Func<TicketChanged, bool> match)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Wait);
        while (true)
        {
            var change = await _changes.Reader.ReadAsync(timeout.Token);
            _received.Add(change);
            if (match(change))
            {
                return change;
            }
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
