using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Tickets;

/// <summary>An Idempotency-Key makes a retried registration return the order already created.</summary>
public abstract class IdempotentRegistrationTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Register_Should_ReturnTheSameOrder_When_RetriedWithTheSameKeyAndBody()
    {
        var before = await TicketTotalAsync();
        var key = $"it-{Guid.NewGuid():N}";
        var body = NewTicket();
        using var agent = await ClientAsync("agent");

        var first = await SendAsync(agent, key, body);
        var second = await SendAsync(agent, key, body);

        var created = await first.ReadAsync<TicketDto>(HttpStatusCode.Created);
        var replayed = await second.ReadAsync<TicketDto>(HttpStatusCode.Created);
        replayed.Id.ShouldBe(created.Id);
        replayed.Number.ShouldBe(created.Number);
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        second.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await TicketTotalAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Register_Should_Answer409_When_TheKeyWasUsedWithAnotherBody()
    {
        var key = $"it-{Guid.NewGuid():N}";
        using var agent = await ClientAsync("agent");
        var first = await (await SendAsync(agent, key, NewTicket(content: "停水三天了"))).ReadAsync<TicketDto>(HttpStatusCode.Created);
        var before = await TicketTotalAsync();

        var response = await SendAsync(agent, key, NewTicket(content: "燃气味很重"));

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await TicketTotalAsync()).ShouldBe(before);
        first.Id.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task Register_Should_CreateTwoOrders_When_NoKeyIsSent()
    {
        var before = await TicketTotalAsync();
        var body = NewTicket();
        using var agent = await ClientAsync("agent");

        var first = await (await agent.PostAsJsonAsync("/api/tickets", body, Json.Options, Ct)).ReadAsync<TicketDto>(HttpStatusCode.Created);
        var second = await (await agent.PostAsJsonAsync("/api/tickets", body, Json.Options, Ct)).ReadAsync<TicketDto>(HttpStatusCode.Created);

        second.Id.ShouldNotBe(first.Id);
        (await TicketTotalAsync()).ShouldBe(before + 2);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string key, RegisterTicketRequest body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(body, options: Json.Options) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request, Ct);
    }

    public sealed class OnSqlite(SqliteApiFixture fixture) : IdempotentRegistrationTests(fixture), IClassFixture<SqliteApiFixture>;

    public sealed class OnPostgreSql(PostgresApiFixture fixture) : IdempotentRegistrationTests(fixture), IClassFixture<PostgresApiFixture>;
}
