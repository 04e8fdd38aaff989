using Hotline.Core.Data;
using Hotline.IntegrationTests.Processes;

namespace Hotline.IntegrationTests.Infrastructure;

/// <summary>
/// Two in-process API nodes on one database (the same SQLite folder or PostgreSQL database) joined by a throw-away
/// redis-server as the SignalR backplane. The fixture's own clients talk to node A; <see cref="NodeB"/> is the other node.
/// </summary>
public abstract class TwoNodeFixture(DatabaseProvider provider) : ApiFixture(provider)
{
    private RedisServer? _redis;
    private HotlineApiFactory? _nodeB;

    public HotlineApiFactory NodeB => _nodeB ?? Factory; // Factory skips the test when PostgreSQL is not configured

    public override async ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.PostgreSql && !PostgresConfigured)
        {
            return;
        }

        _redis = await RedisServer.StartAsync(CancellationToken.None);
        await base.InitializeAsync();
        _nodeB = new HotlineApiFactory(Factory, Settings());
        _ = _nodeB.Server;
    }

    protected override IReadOnlyDictionary<string, string?>? Settings() =>
        new Dictionary<string, string?> { ["Redis:Configuration"] = _redis?.Configuration };

    public override async ValueTask DisposeAsync()
    {
        if (_nodeB is not null)
        {
            await _nodeB.DisposeAsync();
        }

        await base.DisposeAsync();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    public sealed class OnSqlite() : TwoNodeFixture(DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql() : TwoNodeFixture(DatabaseProvider.PostgreSql);
}
