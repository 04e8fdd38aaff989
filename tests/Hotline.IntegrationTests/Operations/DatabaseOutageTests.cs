using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Auth;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.IntegrationTests.Infrastructure;
using Hotline.IntegrationTests.Processes;
using Npgsql;
using Shouldly;

namespace Hotline.IntegrationTests.Operations;

/// <summary>
/// The database goes away for a moment (a failover, a restart): the API retries and the order is registered once;
/// when it stays away the caller gets a 503 and nothing is half-written. PostgreSQL is reached through a loopback
/// relay that the test cuts and restores.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TcpProxy? _proxy;
    private HotlineApiFactory? _factory;

    public ValueTask InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable(HotlineApiFactory.PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            return ValueTask.CompletedTask;
        }

        var target = new NpgsqlConnectionStringBuilder(server);
        _proxy = TcpProxy.Start(target.Host ?? "127.0.0.1", target.Port);
        _factory = new HotlineApiFactory(DatabaseProvider.PostgreSql, postgres: b =>
        {
            b.Host = "127.0.0.1";
            b.Port = _proxy.Port;
            b.Timeout = 3;
        });
        _ = _factory.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            _proxy?.Restore();
            await _factory.DisposeAsync();
        }

        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }
    }

    [Fact]
    public async Task Register_Should_CreateTheOrderOnce_When_TheDatabaseIsUnreachableForAMoment()
    {
        var (factory, proxy) = Started();
        using var agent = await SignInAsync(factory, "agent");
        var content = $"停电两个小时了 {Guid.NewGuid():N}";

        proxy.Cut();
        var restore = Task.Run(async () =>
        {
            // Down until the request has met the outage twice (its first attempt and a retry), then back.
            await proxy.WaitUntilRefusedAsync(2, TimeSpan.FromSeconds(30), Ct);
            proxy.Restore();
        }, Ct);
        var response = await agent.PostAsJsonAsync("/api/tickets", ProcessTestData.WaterComplaint(content), Json.Options, Ct);
        await restore;

        var ticket = await response.ReadAsync<TicketDto>(HttpStatusCode.Created);
        ticket.Status.ShouldBe(TicketStatus.Registered);
        (await CountOrdersAsync(factory, content)).ShouldBe(1);
    }

    [Fact]
    public async Task Register_Should_Answer503AndSaveNothing_When_TheDatabaseStaysDown()
    {
        var (factory, proxy) = Started();
        using var agent = await SignInAsync(factory, "agent");
        var content = $"路灯不亮 {Guid.NewGuid():N}";

        proxy.Cut();
        var response = await agent.PostAsJsonAsync("/api/tickets", ProcessTestData.WaterComplaint(content), Json.Options, Ct);
        proxy.Restore();

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        problem.GetProperty("title").GetString()!.ShouldContain("数据库暂时不可用");
        response.Headers.RetryAfter.ShouldNotBeNull();
        (await CountOrdersAsync(factory, content)).ShouldBe(0, "nothing may be half-written");

        // The citizen's demand is not lost: the same request once the database is back creates the order.
        var again = await agent.PostAsJsonAsync("/api/tickets", ProcessTestData.WaterComplaint(content), Json.Options, Ct);
        await again.ShouldHaveStatusAsync(HttpStatusCode.Created);
        (await CountOrdersAsync(factory, content)).ShouldBe(1);
    }

    [Fact]
    public async Task Ready_Should_Answer503_When_TheDatabaseIsDown_And200_When_ItIsBack()
    {
        var (factory, proxy) = Started();
        using var client = factory.CreateClient();

        proxy.Cut();
        var down = await client.GetAsync("/health/ready", Ct);
        proxy.Restore();
        var up = await client.GetAsync("/health/ready", Ct);

        down.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await down.Content.ReadAsStringAsync(Ct)).ShouldContain("\"database\":{\"status\":\"Unhealthy\"");
        up.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private (HotlineApiFactory Factory, TcpProxy Proxy) Started()
    {
        if (_factory is null || _proxy is null)
        {
            Assert.Skip($"{HotlineApiFactory.PostgresVariable} not set");
        }

        return (_factory, _proxy);
    }

    private static async Task<HttpClient> SignInAsync(HotlineApiFactory factory, string userName)
    {
        var client = factory.CreateClient();
        var token = await (await client.PostAsJsonAsync("/api/auth/token", new TokenRequest(userName, ApiFixture.DemoPassword), Json.Options, Ct)).ReadAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    private static async Task<long> CountOrdersAsync(HotlineApiFactory factory, string content)
    {
        var connection = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(HotlineApiFactory.PostgresVariable))
        {
            Database = new NpgsqlConnectionStringBuilder(factory.PostgresConnectionString).Database,
            Pooling = false,
        };
        await using var db = new NpgsqlConnection(connection.ConnectionString);
        await db.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("""SELECT count(*) FROM "Tickets" WHERE "Content" = @content""", db);
        command.Parameters.AddWithValue("content", content);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
