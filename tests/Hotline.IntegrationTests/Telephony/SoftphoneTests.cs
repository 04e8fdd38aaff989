using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Auth;
using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Core.Telephony;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static Hotline.IntegrationTests.Telephony.CallForms;

namespace Hotline.IntegrationTests.Telephony;

/// <summary>
/// The browser softphone (浏览器软电话) against the WireMock fake of Twilio, with the API key and TwiML App configured: the
/// agent's 接听方式 (set by the agent and by an Admin), the access token signed for the agent's client identity, and
/// answering, transferring and calling back by ringing <c>client:agent-…</c> instead of a phone.
/// </summary>
public abstract class SoftphoneTests(SoftphoneFixture fixture) : CallCentreTestBase(fixture)
{
    private static async Task<AgentPresenceDto> SetConnectionAsync(HttpClient agent, CallConnection connection, string? phone = null) =>
        await (await agent.PutAsJsonAsync("/api/agents/me/device", new SetAgentDeviceRequest(phone, connection), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();

    [Fact]
    public async Task Token_Should_BeSignedForTheAgentsClientIdentity_When_TheAgentAnswersInTheBrowser()
    {
        using var agent = await ClientAsync("agent");
        var phoneMode = await SetConnectionAsync(agent, CallConnection.Phone, "13900002222");
        (await (await agent.GetAsync("/api/agents/me/softphone-token", Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldContain("接听方式是电话");

        var browser = await SetConnectionAsync(agent, CallConnection.Browser);
        browser.Connection.ShouldBe(CallConnection.Browser);
        (await PresenceAsync(agent)).Connection.ShouldBe(CallConnection.Browser);
        var before = DateTimeOffset.UtcNow;
        var token = await (await agent.GetAsync("/api/agents/me/softphone-token", Ct)).ReadAsync<SoftphoneTokenDto>();

        token.Identity.ShouldBe($"agent-{phoneMode.UserId:N}");
        var claims = TwilioAccessToken.Verify(token.Token, SoftphoneFixture.ApiKeySecret).ShouldNotBeNull();
        TwilioAccessToken.Verify(token.Token, TwilioFixture.AuthToken).ShouldBeNull();
        claims.GetProperty("iss").GetString().ShouldBe(SoftphoneFixture.ApiKeySid);
        claims.GetProperty("sub").GetString().ShouldBe(TwilioFixture.AccountSid);
        claims.GetProperty("grants").GetProperty("identity").GetString().ShouldBe(token.Identity);
        claims.GetProperty("grants").GetProperty("voice").GetProperty("outgoing").GetProperty("application_sid").GetString().ShouldBe(SoftphoneFixture.TwimlAppSid);
        var exp = DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64());
        exp.ShouldBe(token.ExpiresAt);
        exp.ShouldBeLessThanOrEqualTo(before.AddHours(1).AddMinutes(1));
        exp.ShouldBeGreaterThan(before.AddMinutes(50));

        await SetConnectionAsync(agent, CallConnection.Phone, "13900002222");
    }

    [Fact]
    public async Task Token_Should_BeRefused_When_NotAnAgent()
    {
        foreach (var userName in new[] { "water", "supervisor", "callback" })
        {
            using var other = await ClientAsync(userName);
            await (await other.GetAsync("/api/agents/me/softphone-token", Ct)).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        }

        using var anonymous = _twilio.AnonymousClient();
        await (await anonymous.GetAsync("/api/agents/me/softphone-token", Ct)).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Answer_Should_RingTheAgentsBrowser_And_RequeueTheCaller_When_ItDoesNotAnswer()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        using var agent2 = await ClientAsync("agent2");
        var me = await SetConnectionAsync(agent, CallConnection.Browser);
        await SetPresenceAsync(agent, AgentPresenceStatus.Available);
        var (callSid, _) = await IncomingAsync();

        var answered = await (await agent.PostAsync("/api/calls/answer", null, Ct)).ReadAsync<AnswerCallResponse>();

        answered.Call.CallSid.ShouldBe(callSid);
        answered.Bridge.ShouldBe(CallBridge.Requested);
        answered.Message.ShouldContain("软电话");
        var leg = _twilio.Participants(answered.Call.Id).ShouldHaveSingleItem();
        leg.Form["To"].ShouldBe($"client:agent-{me.UserId:N}");
        leg.Form["From"].ShouldBe(TwilioFixture.FromNumber);
        leg.Form["EndConferenceOnExit"].ShouldBe("true");
        leg.Form["StatusCallback"].ShouldBe($"{TwilioFixture.PublicBaseUrl}/twilio/voice/leg?call={answered.Call.Id:N}&role=agent");
        _twilio.Redirects(callSid).ShouldHaveSingleItem().Form["Twiml"]!.ShouldContain($"hotline-{answered.Call.Id:N}");

        // The browser not answering (no Device registered, the agent away from the screen) is a phone not answering.
        var legSid = (await QueryAsync(db => db.Calls.SingleAsync(c => c.Id == answered.Call.Id, Ct))).AgentLegSid!;
        await SetConnectionAsync(agent2, CallConnection.Phone, "13900003333");
        await SetPresenceAsync(agent2, AgentPresenceStatus.Available);
        await (await _twilio.PostWebhookAsync($"/twilio/voice/leg?call={answered.Call.Id:N}&role=agent", Status(legSid, "no-answer", 2))).ShouldHaveStatusAsync(HttpStatusCode.OK);

        _twilio.Redirects(callSid).Last().Form["Twiml"]!.ShouldContain("话务员暂时无法接听");
        (await PresenceAsync(agent)).Status.ShouldBe(AgentPresenceStatus.Away);
        (await QueryAsync(db => db.Calls.SingleAsync(c => c.Id == answered.Call.Id, Ct))).IsWaiting.ShouldBeTrue();
        var second = await (await agent2.PostAsync("/api/calls/answer", null, Ct)).ReadAsync<AnswerCallResponse>();
        second.Call.Id.ShouldBe(answered.Call.Id);
        _twilio.Participants(answered.Call.Id).Last().Form["To"].ShouldBe("+8613900003333");

        await SetConnectionAsync(agent, CallConnection.Phone, "13900002222");
    }

    [Fact]
    public async Task TransferToAgent_Should_RingTheOtherAgentsBrowser_When_TheyAnswerInTheBrowser()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        using var agent2 = await ClientAsync("agent2");
        var call = await AnswerNewCallAsync(agent);
        var other = await SetConnectionAsync(agent2, CallConnection.Browser);
        await SetPresenceAsync(agent2, AgentPresenceStatus.Available);

        var transferred = await (await agent.PostAsJsonAsync($"/api/calls/{call.Id}/transfer", new TransferCallRequest(CallTransferKind.Agent, AgentId: other.UserId), Json.Options, Ct))
            .ReadAsync<CallControlResponse>();

        transferred.Call.CurrentAgentId.ShouldBe(other.UserId);
        _twilio.Participants(call.Id).Last().Form["To"].ShouldBe($"client:agent-{other.UserId:N}");
        var record = (await (await agent2.GetAsync($"/api/calls/{call.Id}", Ct)).ReadAsync<CallDetailDto>()).Transfers.ShouldHaveSingleItem();
        (record.ToAgentId, record.TargetNumber).ShouldBe((other.UserId, (string?)null));

        await SetConnectionAsync(agent2, CallConnection.Phone, "13900003333");
    }

    [Fact]
    public async Task Admin_Should_SetAnAgentsConnection_OnUserManagement()
    {
        using var admin = await ClientAsync("admin");
        using var agent = await ClientAsync("agent2");
        var users = await (await admin.GetAsync("/api/admin/users", Ct)).ReadAsync<List<UserDto>>();
        var agent2 = users.Single(u => u.UserName == "agent2");

        var saved = await (await admin.PutAsJsonAsync($"/api/admin/users/{agent2.Id}", new UpdateUserRequest(null, null, null, null, null, CallConnection.Browser), Json.Options, Ct))
            .ReadAsync<UserDto>();

        saved.CallConnection.ShouldBe(CallConnection.Browser);
        (await PresenceAsync(agent)).Connection.ShouldBe(CallConnection.Browser);
        (await (await admin.GetAsync("/api/admin/users", Ct)).ReadAsync<List<UserDto>>()).Single(u => u.Id == agent2.Id).CallConnection.ShouldBe(CallConnection.Browser);
        await (await agent.GetAsync("/api/agents/me/softphone-token", Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        // Not one of the two: 400, nothing changed.
        using var bad = JsonContent.Create(new { callConnection = "Fax" });
        await (await admin.PutAsync($"/api/admin/users/{agent2.Id}", bad, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        using var badDevice = JsonContent.Create(new { phone = (string?)null, connection = 7 });
        await (await agent.PutAsync("/api/agents/me/device", badDevice, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await PresenceAsync(agent)).Connection.ShouldBe(CallConnection.Browser);

        await (await admin.PutAsJsonAsync($"/api/admin/users/{agent2.Id}", new UpdateUserRequest(null, null, null, null, null, CallConnection.Phone), Json.Options, Ct))
            .ReadAsync<UserDto>();
        (await PresenceAsync(agent)).Connection.ShouldBe(CallConnection.Phone);
    }

    [Fact]
    public async Task MissedCallback_Should_RingTheAgentsBrowser_When_TheyAnswerInTheBrowser()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        var me = await SetConnectionAsync(agent, CallConnection.Browser);
        var phone = NewPhone();
        var callSid = NewCallSid();
        await (await _twilio.PostWebhookAsync("/twilio/voice/incoming", IncomingCall(callSid, phone))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await _twilio.PostWebhookAsync("/twilio/voice/status", Status(callSid, "completed", 2, "20"))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var task = await QueryAsync(db => db.MissedCalls.SingleAsync(m => m.Phone == phone, Ct));

        await (await agent.PostAsync($"/api/calls/missed/{task.Id}/callback", null, Ct)).ReadAsync<MissedCallCallbackResponse>();

        var placed = _twilio.Requests("Calls.json", $"client:agent-{me.UserId:N}").ShouldHaveSingleItem();
        placed.Form["Twiml"]!.ShouldContain($"+86{phone}");

        await SetConnectionAsync(agent, CallConnection.Phone, "13900002222");
    }

    [Fact]
    public async Task ClientVoiceUrl_Should_AnswerCallsFromTheBrowserItself_And_RefuseUnsigned()
    {
        var form = new List<KeyValuePair<string, string>> { new("CallSid", NewCallSid()), new("From", "client:agent-x"), new("AccountSid", TwilioFixture.AccountSid) };

        var answer = await (await _twilio.PostWebhookAsync("/twilio/voice/client", form)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var twiml = await answer.Content.ReadAsStringAsync(Ct);
        twiml.ShouldContain("浏览器软电话不能直接拨号");
        twiml.ShouldContain("<Hangup />");
        await (await _twilio.PostWebhookAsync("/twilio/voice/client", form, signature: null)).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
    }

    public sealed class OnSqlite(SqliteSoftphoneFixture fixture) : SoftphoneTests(fixture), IClassFixture<SqliteSoftphoneFixture>;

    public sealed class OnPostgreSql(PostgresSoftphoneFixture fixture) : SoftphoneTests(fixture), IClassFixture<PostgresSoftphoneFixture>;
}

/// <summary>The call centre's fixture with the softphone's API key and TwiML App.</summary>
public abstract class SoftphoneFixture(DatabaseProvider provider) : CallCentreFixture(provider)
{
    public const string ApiKeySid = "SKtest0123456789abcdef0123456789ab";
    public const string ApiKeySecret = "test-api-key-secret-0123456789";
    public const string TwimlAppSid = "APtest0123456789abcdef0123456789ab";

    protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>(base.Settings())
    {
        ["Twilio:ApiKeySid"] = ApiKeySid,
        ["Twilio:ApiKeySecret"] = ApiKeySecret,
        ["Twilio:TwimlAppSid"] = TwimlAppSid,
    };
}

public sealed class SqliteSoftphoneFixture() : SoftphoneFixture(DatabaseProvider.Sqlite);

public sealed class PostgresSoftphoneFixture() : SoftphoneFixture(DatabaseProvider.PostgreSql);
