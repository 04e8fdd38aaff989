using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Auth;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Auth;

/// <summary>A token stops working when its account changes: deactivated, other roles or unit, a new password.</summary>
public abstract class TokenRevocationTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    private const string Password = "Start#2026-agent";

    [Fact]
    public async Task Request_Should_Answer401_When_TheAccountWasDeactivatedAfterSignIn()
    {
        var (id, agent) = await NewAgentAsync();
        (await agent.GetAsync("/api/tickets", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await ChangeAsync(id, new UpdateUserRequest(null, null, null, null, IsActive: false));

        (await agent.GetAsync("/api/tickets", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await SignInAsync(UserNameOf(id))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Request_Should_Answer401UntilSignedInAgain_When_TheRolesChanged()
    {
        var (id, agent) = await NewAgentAsync();

        // Callback, not Supervisor: a Supervisor without a second factor could sign in only to enrol (StaffAccountTests).
        await ChangeAsync(id, new UpdateUserRequest(null, null, [Roles.Agent, Roles.Callback], null, null));

        (await agent.GetAsync("/api/tickets", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var again = await ClientWithTokenAsync(UserNameOf(id));
        (await again.GetAsync("/api/tickets", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Request_Should_Answer401_When_ThePasswordWasChanged()
    {
        var (id, agent) = await NewAgentAsync();

        await ChangeAsync(id, new UpdateUserRequest(null, "Changed#2026-agent", null, null, null));

        (await agent.GetAsync("/api/tickets", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Request_Should_KeepWorking_When_OnlyTheDisplayNameChanged()
    {
        var (id, agent) = await NewAgentAsync();

        await ChangeAsync(id, new UpdateUserRequest("新名字", null, null, null, null));

        (await agent.GetAsync("/api/tickets", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private readonly Dictionary<Guid, string> _names = [];

    private string UserNameOf(Guid id) => _names[id];

    private async Task<(Guid Id, HttpClient Client)> NewAgentAsync()
    {
        using var admin = await ClientAsync("admin");
        var userName = $"agent-{Guid.NewGuid():N}"[..20];
        var created = await (await admin.PostAsJsonAsync("/api/admin/users", new CreateUserRequest(userName, "临时坐席", Password, [Roles.Agent], null), Json.Options, Ct)).ReadAsync<UserDto>(HttpStatusCode.Created);
        _names[created.Id] = userName;
        return (created.Id, await ClientWithTokenAsync(userName));
    }

    private async Task<HttpClient> ClientWithTokenAsync(string userName)
    {
        var token = await (await SignInAsync(userName)).ReadAsync<TokenResponse>();
        var client = Fixture.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    private async Task<HttpResponseMessage> SignInAsync(string userName)
    {
        using var anonymous = Fixture.AnonymousClient();
        return await anonymous.PostAsJsonAsync("/api/auth/token", new TokenRequest(userName, Password), Json.Options, Ct);
    }

    private async Task ChangeAsync(Guid id, UpdateUserRequest change)
    {
        using var admin = await ClientAsync("admin");
        (await admin.PutAsJsonAsync($"/api/admin/users/{id}", change, Json.Options, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public sealed class OnSqlite(SqliteApiFixture fixture) : TokenRevocationTests(fixture), IClassFixture<SqliteApiFixture>;

    public sealed class OnPostgreSql(PostgresApiFixture fixture) : TokenRevocationTests(fixture), IClassFixture<PostgresApiFixture>;
}
