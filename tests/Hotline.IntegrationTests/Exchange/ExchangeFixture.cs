using Hotline.Core.Data;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.IntegrationTests.Exchange;

/// <summary>
/// Two Hotline instances, A and B, each on its own database and on Kestrel on 127.0.0.1, sharing one fake clock (their
/// signatures' timestamps agree). The delivery loop is off: each test drives the nodes' peer dispatchers itself.
/// </summary>
public abstract class ExchangeFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public ExchangeNode A { get; private set; } = null!;

    public ExchangeNode B { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        A = new ExchangeNode(provider, Clock);
        B = new ExchangeNode(provider, Clock);
        await A.InitializeAsync();
        await B.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public sealed class OnSqlite() : ExchangeFixture(DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql() : ExchangeFixture(DatabaseProvider.PostgreSql);
}

public sealed class ExchangeNode(DatabaseProvider provider, FakeTimeProvider clock) : ApiFixture(provider, clock, NodeSettings)
{
    public static readonly IReadOnlyDictionary<string, string?> NodeSettings = new Dictionary<string, string?>
    {
        ["Exchange:AllowPrivateTargets"] = "true",
        ["Webhooks:Deliver"] = "false",
    };

    protected override bool OnKestrel => true;

    /// <summary>The port Kestrel listens on.</summary>
    public int Port => new Uri(Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;

    /// <summary>This node's exchange root, as a peer configures it.</summary>
    public string ExchangeUrl => $"http://127.0.0.1:{Port}/api/exchange/";
}
