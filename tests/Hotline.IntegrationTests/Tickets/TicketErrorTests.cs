using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Auth;
using Hotline.Contracts.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Tickets;

/// <summary>Wrong state 409, wrong role 403, unknown id 404, stale version 409, bad credentials 401: all ProblemDetails.</summary>
public abstract class TicketErrorTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Accept_Should_Answer409_When_OrderIsAlreadyAccepted()
    {
        var ticket = await RegisterAndDispatchAsync();
        await AcceptAsync(ticket.Id, "water");
        using var water = await ClientAsync("water");

        var response = await water.PostAsync($"/api/tickets/{ticket.Id}/accept", null, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.TryGetProperty("traceId", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Callback_Should_Answer409_When_OrderIsOnlyDispatched()
    {
        var ticket = await RegisterAndDispatchAsync();
        using var callback = await ClientAsync("callback");

        var response = await callback.PostAsJsonAsync($"/api/tickets/{ticket.Id}/callback", new CallbackRequest(CallbackOutcome.Satisfied, true, null, null), Json.Options, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        using var agent = await ClientAsync("agent");
        (await (await agent.GetAsync($"/api/tickets/{ticket.Id}", Ct)).ReadAsync<TicketDto>()).Status.ShouldBe(TicketStatus.Dispatched);
    }

    [Fact]
    public async Task Accept_Should_Answer403_When_AgentCallsIt()
    {
        var ticket = await RegisterAndDispatchAsync();
        using var agent = await ClientAsync("agent");

        var response = await agent.PostAsync($"/api/tickets/{ticket.Id}/accept", null, Ct);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Dispatch_Should_Answer403_When_DepartmentCallsIt()
    {
        var ticket = await RegisterAsync();
        using var water = await ClientAsync("water");

        var response = await water.PostAsJsonAsync($"/api/tickets/{ticket.Id}/dispatch", new { }, Json.Options, Ct);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Register_Should_Answer403_When_DepartmentCallsIt()
    {
        using var water = await ClientAsync("water");

        var response = await water.PostAsJsonAsync("/api/tickets", NewTicket(), Json.Options, Ct);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Register_Should_Answer401_When_NoTokenIsSent()
    {
        using var anonymous = Fixture.AnonymousClient();

        var response = await anonymous.PostAsJsonAsync("/api/tickets", NewTicket(), Json.Options, Ct);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GetTicket_Should_Answer404_When_IdIsUnknown()
    {
        using var agent = await ClientAsync("agent");

        var response = await agent.GetAsync($"/api/tickets/{Guid.NewGuid()}", Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Dispatch_Should_Answer404_When_IdIsUnknown()
    {
        using var agent = await ClientAsync("agent");

        var response = await agent.PostAsJsonAsync($"/api/tickets/{Guid.NewGuid()}/dispatch", new { }, Json.Options, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Contact_Should_Answer409_When_IfMatchCarriesAStaleVersion()
    {
        var ticket = await RegisterAndDispatchAsync();
        var accepted = await AcceptAsync(ticket.Id, "water");
        accepted.Version.ShouldBe(3);
        using var water = await ClientAsync("water");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{ticket.Id}/contact")
        {
            Content = JsonContent.Create(new NoteRequest("已电话联系", null), options: Json.Options),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        var response = await water.SendAsync(request, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        using var agent = await ClientAsync("agent");
        var after = await (await agent.GetAsync($"/api/tickets/{ticket.Id}", Ct)).ReadAsync<TicketDto>();
        after.Version.ShouldBe(3);
        after.Deadlines.ContactedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Contact_Should_Succeed_When_IfMatchCarriesTheCurrentVersion()
    {
        var ticket = await RegisterAndDispatchAsync();
        var accepted = await AcceptAsync(ticket.Id, "water");
        using var water = await ClientAsync("water");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{ticket.Id}/contact")
        {
            Content = JsonContent.Create(new NoteRequest("已电话联系", null), options: Json.Options),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{accepted.Version}\"");

        var contacted = await (await water.SendAsync(request, Ct)).ReadAsync<TicketDto>();

        contacted.Version.ShouldBeGreaterThan(accepted.Version);
        contacted.Deadlines.ContactedAt.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("agent", "wrong-password")]
    [InlineData("nobody", ApiFixture.DemoPassword)]
    public async Task SignIn_Should_Answer401_When_CredentialsAreInvalid(string userName, string password)
    {
        using var anonymous = Fixture.AnonymousClient();

        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new TokenRequest(userName, password), Json.Options, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    public sealed class OnSqlite(SqliteApiFixture fixture) : TicketErrorTests(fixture), IClassFixture<SqliteApiFixture>;

    public sealed class OnPostgreSql(PostgresApiFixture fixture) : TicketErrorTests(fixture), IClassFixture<PostgresApiFixture>;
}
