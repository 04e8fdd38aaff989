using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hotline.Contracts;
using Hotline.Contracts.Auth;
using Hotline.Contracts.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Auth;

/// <summary>
/// A unit's own system with a machine credential (docs/integration.md): client credentials → a Department token of its
/// unit, the same scoping and timeline as the unit's staff, rotation and revocation, Idempotency-Key on the writes.
/// </summary>
public abstract class UnitClientTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Issue_Should_AnswerTheSecretOnce_And_ListOnlyItsHint()
    {
        var issued = await IssueAsync("water", "市自来水集团工单系统");

        issued.ClientId.ShouldStartWith("uc_");
        issued.ClientSecret.ShouldStartWith("ucs_");
        issued.ClientSecret.Length.ShouldBeGreaterThan(40);
        issued.UnitName.ShouldNotBeNullOrWhiteSpace();
        issued.SecretHint.ShouldBe(issued.ClientSecret[..12]);

        using var admin = await ClientAsync("admin");
        var listText = await (await admin.GetAsync("/api/admin/unit-clients", Ct)).Content.ReadAsStringAsync(Ct);
        listText.ShouldContain(issued.ClientId);
        listText.ShouldNotContain(issued.ClientSecret);
        var one = await (await admin.GetAsync($"/api/admin/unit-clients/{issued.Id}", Ct)).ReadAsync<UnitClientDto>();
        one.IsActive.ShouldBeTrue();
        one.CreatedBy.ShouldBe("admin");
    }

    [Fact]
    public async Task Issue_Should_Answer400_When_TheNameIsEmptyOrTheUnitUnknown_And_403_ForNonAdmins()
    {
        using var admin = await ClientAsync("admin");
        var units = await UnitIdsAsync();
        (await (await admin.PostAsJsonAsync("/api/admin/unit-clients", new CreateUnitClientRequest(" ", units["water"]), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("name");
        (await (await admin.PostAsJsonAsync("/api/admin/unit-clients", new CreateUnitClientRequest("系统", Guid.NewGuid()), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("unitId");
        (await (await admin.PostAsJsonAsync("/api/admin/unit-clients", new CreateUnitClientRequest("系统", null), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("unitId");
        (await (await admin.PostAsJsonAsync("/api/admin/unit-clients", new CreateUnitClientRequest("中心系统", units["center"]), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("unitId");
        (await (await admin.GetAsync("/api/admin/unit-clients", Ct)).Content.ReadAsStringAsync(Ct)).ShouldNotContain("中心系统");
        using var supervisor = await ClientAsync("supervisor");
        (await supervisor.PostAsJsonAsync("/api/admin/unit-clients", new CreateUnitClientRequest("系统", units["water"]), Json.Options, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostAsync($"/api/admin/unit-clients/{Guid.NewGuid()}/secret", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ClientToken_Should_ActAsTheUnit_ThroughTheWholeHandling()
    {
        var issued = await IssueAsync("water", "自来水工单系统");
        var token = await (await TokenAsync(Form(issued.ClientId, issued.ClientSecret))).ReadAsync<ClientTokenResponse>();
        token.TokenType.ShouldBe("Bearer");
        token.ExpiresIn.ShouldBe(3600);

        var ticket = await RegisterAndDispatchAsync();
        using var system = Bearer(token.AccessToken);
        var inbox = await (await system.GetAsync("/api/tickets?open=true&pageSize=200", Ct)).Content.ReadAsStringAsync(Ct);
        inbox.ShouldContain(ticket.Id.ToString());

        (await system.PostAsync($"/api/tickets/{ticket.Id}/accept", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await system.PostAsJsonAsync($"/api/tickets/{ticket.Id}/contact", new NoteRequest("已电话联系市民，约定上门。", null), Json.Options, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var replied = await (await system.PostAsJsonAsync($"/api/tickets/{ticket.Id}/reply", new ReplyRequest(true, "已更换破损水管，恢复供水。", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        replied.Status.ShouldBeOneOf(TicketStatus.Replied);

        var read = await TicketAsync(ticket.Id);
        var contact = read.Timeline.Single(e => e.Action == "Contacted");
        contact.ActorUserName.ShouldBe(issued.ClientId);
        contact.ActorName.ShouldBe("自来水工单系统（系统对接）");

        // A machine client is a unit, not an agent or a supervisor.
        (await system.PostAsJsonAsync("/api/tickets", NewTicket(), Json.Options, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await system.GetAsync("/api/admin/unit-clients", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ClientToken_Should_Answer404_When_TheOrderBelongsToAnotherUnit()
    {
        var issued = await IssueAsync("gas", "燃气工单系统");
        var ticket = await RegisterAndDispatchAsync();
        using var system = Bearer((await (await TokenAsync(Form(issued.ClientId, issued.ClientSecret))).ReadAsync<ClientTokenResponse>()).AccessToken);

        (await system.GetAsync($"/api/tickets/{ticket.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await system.PostAsync($"/api/tickets/{ticket.Id}/accept", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await TicketAsync(ticket.Id)).Status.ShouldBe(TicketStatus.Dispatched);
    }

    [Fact]
    public async Task ClientToken_Should_TakeBasicCredentials_And_RefuseBadRequestsWithOAuthErrors()
    {
        var issued = await IssueAsync("water", "Basic 测试系统");
        using var anonymous = Fixture.AnonymousClient();

        using (var basic = new HttpRequestMessage(HttpMethod.Post, "/api/auth/client-token") { Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]) })
        {
            basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{issued.ClientId}:{issued.ClientSecret}")));
            var response = await anonymous.SendAsync(basic, Ct);
            (await response.ReadAsync<ClientTokenResponse>()).AccessToken.ShouldNotBeNullOrWhiteSpace();
            response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        }

        using (var wrongBasic = new HttpRequestMessage(HttpMethod.Post, "/api/auth/client-token") { Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]) })
        {
            wrongBasic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{issued.ClientId}:ucs_wrong")));
            var response = await anonymous.SendAsync(wrongBasic, Ct);
            (await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("error").GetString().ShouldBe("invalid_client");
            response.Headers.WwwAuthenticate.ShouldContain(h => h.Scheme == "Basic");
        }

        (await (await TokenAsync(Form(issued.ClientId, "ucs_wrong"))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("error").GetString().ShouldBe("invalid_client");
        (await (await TokenAsync(Form("uc_unknown", issued.ClientSecret))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("error").GetString().ShouldBe("invalid_client");
        (await (await TokenAsync(new FormUrlEncodedContent([new("grant_type", "password"), new("client_id", issued.ClientId), new("client_secret", issued.ClientSecret)])))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("error").GetString().ShouldBe("unsupported_grant_type");
        (await (await TokenAsync(new FormUrlEncodedContent([new("client_id", issued.ClientId)])))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("error").GetString().ShouldBe("invalid_request");
        (await (await TokenAsync(new FormUrlEncodedContent([new("grant_type", "client_credentials")])))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("error").GetString().ShouldBe("invalid_request");
        (await (await TokenAsync(JsonContent.Create(new { grant_type = "client_credentials", client_id = issued.ClientId, client_secret = issued.ClientSecret })))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("error").GetString().ShouldBe("invalid_request");
        (await (await TokenAsync(Form(new string('x', 300), issued.ClientSecret))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("error").GetString().ShouldBe("invalid_client");
    }

    [Fact]
    public async Task Rotate_Should_EndTheOldSecretAndItsTokens_And_Revoke_Should_EndEverything()
    {
        var issued = await IssueAsync("water", "轮换测试系统");
        var oldToken = (await (await TokenAsync(Form(issued.ClientId, issued.ClientSecret))).ReadAsync<ClientTokenResponse>()).AccessToken;
        using var admin = await ClientAsync("admin");

        var rotated = await (await admin.PostAsync($"/api/admin/unit-clients/{issued.Id}/secret", null, Ct)).ReadAsync<UnitClientSecretDto>();
        rotated.ClientId.ShouldBe(issued.ClientId);
        rotated.ClientSecret.ShouldNotBe(issued.ClientSecret);

        using (var old = Bearer(oldToken))
        {
            (await old.GetAsync("/api/tickets", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await TokenAsync(Form(issued.ClientId, issued.ClientSecret))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var newToken = (await (await TokenAsync(Form(issued.ClientId, rotated.ClientSecret))).ReadAsync<ClientTokenResponse>()).AccessToken;
        using (var fresh = Bearer(newToken))
        {
            (await fresh.GetAsync("/api/tickets", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await admin.DeleteAsync($"/api/admin/unit-clients/{issued.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.DeleteAsync($"/api/admin/unit-clients/{issued.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using (var revoked = Bearer(newToken))
        {
            (await revoked.GetAsync("/api/tickets", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await TokenAsync(Form(issued.ClientId, rotated.ClientSecret))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await (await admin.PostAsync($"/api/admin/unit-clients/{issued.Id}/secret", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var listed = await (await admin.GetAsync($"/api/admin/unit-clients/{issued.Id}", Ct)).ReadAsync<UnitClientDto>();
        listed.IsActive.ShouldBeFalse();
        listed.RotatedAt.ShouldNotBeNull();
        listed.LastUsedAt.ShouldNotBeNull();

        var audit = await (await admin.GetAsync($"/api/admin/audit?action=unit-client.rotated&pageSize=50", Ct)).Content.ReadAsStringAsync(Ct);
        audit.ShouldContain(issued.Id.ToString());
    }

    [Fact]
    public async Task IdempotencyKey_Should_ReplayTheFirstAnswer_And_ChangeTheOrderOnce()
    {
        var issued = await IssueAsync("water", "幂等测试系统");
        using var system = Bearer((await (await TokenAsync(Form(issued.ClientId, issued.ClientSecret))).ReadAsync<ClientTokenResponse>()).AccessToken);
        var ticket = await RegisterAndDispatchAsync();
        (await system.PostAsync($"/api/tickets/{ticket.Id}/accept", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var key = Guid.NewGuid().ToString();

        var first = await SendAsync(system, $"/api/tickets/{ticket.Id}/contact", new NoteRequest("第一次联系市民", null), key);
        var firstBody = await first.Content.ReadAsStringAsync(Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();

        var again = await SendAsync(system, $"/api/tickets/{ticket.Id}/contact", new NoteRequest("第一次联系市民", null), key);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        (await again.Content.ReadAsStringAsync(Ct)).ShouldBe(firstBody);
        again.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");

        (await TicketAsync(ticket.Id)).Timeline.Count(e => e.Action == "Contacted").ShouldBe(1);

        var reused = await SendAsync(system, $"/api/tickets/{ticket.Id}/contact", new NoteRequest("另一次联系", null), key);
        (await reused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()!.ShouldContain("Idempotency-Key");
        (await TicketAsync(ticket.Id)).Timeline.Count(e => e.Action == "Contacted").ShouldBe(1);

        // The same key from another caller is that caller's own key.
        using var water = await ClientAsync("water");
        (await SendAsync(water, $"/api/tickets/{ticket.Id}/contact", new NoteRequest("第一次联系市民", null), key)).Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await TicketAsync(ticket.Id)).Timeline.Count(e => e.Action == "Contacted").ShouldBe(2);
    }

    [Fact]
    public async Task IdempotencyKey_Should_RunARetryAgain_When_TheFirstAttemptWasRefused()
    {
        using var water = await ClientAsync("water");
        var ticket = await RegisterAndDispatchAsync();
        var key = Guid.NewGuid().ToString("N");
        var reply = new ReplyRequest(true, "已处理完毕。", null);

        // Not accepted yet: refused, nothing changed, the key is not spent.
        await (await SendAsync(water, $"/api/tickets/{ticket.Id}/reply", reply, key)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await AcceptAsync(ticket.Id, "water");
        (await water.PostAsJsonAsync($"/api/tickets/{ticket.Id}/contact", new NoteRequest("已联系", null), Json.Options, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var retried = await SendAsync(water, $"/api/tickets/{ticket.Id}/reply", reply, key);
        retried.StatusCode.ShouldBe(HttpStatusCode.OK);
        retried.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await SendAsync(water, $"/api/tickets/{ticket.Id}/reply", reply, key)).Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
    }

    [Fact]
    public async Task IdempotencyKey_Should_Answer400_When_ItIsNotVisibleAscii()
    {
        using var water = await ClientAsync("water");
        var ticket = await RegisterAndDispatchAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{ticket.Id}/accept");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "has space");
        var response = await water.SendAsync(request, Ct);
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await TicketAsync(ticket.Id)).Status.ShouldBe(TicketStatus.Dispatched);
    }

    [Fact]
    public async Task IdempotencyKey_Should_Answer400_When_ItIsTooLong()
    {
        using var water = await ClientAsync("water");
        var ticket = await RegisterAndDispatchAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{ticket.Id}/accept");
        request.Headers.Add("Idempotency-Key", new string('k', 101));
        await (await water.SendAsync(request, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await TicketAsync(ticket.Id)).Status.ShouldBe(TicketStatus.Dispatched);
    }

    private async Task<UnitClientSecretDto> IssueAsync(string unitCode, string name)
    {
        using var admin = await ClientAsync("admin");
        var units = await UnitIdsAsync();
        var response = await admin.PostAsJsonAsync("/api/admin/unit-clients", new CreateUnitClientRequest(name, units[unitCode]), Json.Options, Ct);
        response.Headers.Location!.ToString().ShouldStartWith("/api/admin/unit-clients/");
        return await response.ReadAsync<UnitClientSecretDto>(HttpStatusCode.Created);
    }

    private static FormUrlEncodedContent Form(string clientId, string secret) =>
        new([new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret)]);

    private async Task<HttpResponseMessage> TokenAsync(HttpContent content)
    {
        using var anonymous = Fixture.AnonymousClient();
        return await anonymous.PostAsync("/api/auth/client-token", content, Ct);
    }

    private HttpClient Bearer(string token)
    {
        var client = Fixture.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<HttpResponseMessage> SendAsync<T>(HttpClient client, string path, T body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json.Options) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request, Ct);
    }

    public sealed class OnSqlite(SqliteApiFixture fixture) : UnitClientTests(fixture), IClassFixture<SqliteApiFixture>;

    public sealed class OnPostgreSql(PostgresApiFixture fixture) : UnitClientTests(fixture), IClassFixture<PostgresApiFixture>;
}
