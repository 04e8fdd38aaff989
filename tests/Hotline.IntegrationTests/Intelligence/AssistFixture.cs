using Hotline.Core.Data;
using Hotline.IntegrationTests.Infrastructure;

namespace Hotline.IntegrationTests.Intelligence;

/// <summary>The API with the large-model assist pointed at a <see cref="ScriptedChatServer"/> (timeout 1 s).</summary>
public abstract class AssistFixture(DatabaseProvider provider) : ApiFixture(provider)
{
    public const string Model = "qwen-test";
    public const string ApiKey = "test-key-123";

    public ScriptedChatServer Chat { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        await Chat.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Chat.DisposeAsync();
    }

    protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Intelligence:Chat:Endpoint"] = new Uri(Chat.BaseAddress, "/v1").ToString(),
        ["Intelligence:Chat:Model"] = Model,
        ["Intelligence:Chat:ApiKey"] = ApiKey,
        ["Intelligence:Chat:Timeout"] = "00:00:05", // long enough for a loaded CI machine; the hang test waits it out once
    };
}

public sealed class SqliteAssistFixture() : AssistFixture(DatabaseProvider.Sqlite);

public sealed class PostgresAssistFixture() : AssistFixture(DatabaseProvider.PostgreSql);
