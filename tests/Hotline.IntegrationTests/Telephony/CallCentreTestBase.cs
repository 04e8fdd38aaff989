using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using WireMock.ResponseBuilders;
using static Hotline.IntegrationTests.Telephony.CallForms;

namespace Hotline.IntegrationTests.Telephony;

/// <summary>What the call centre's tests share: an empty queue to start from, incoming calls, the agents' presence and phone.</summary>
public abstract class CallCentreTestBase(CallCentreFixture fixture) : ApiTestBase(fixture)
{
    protected readonly CallCentreFixture _twilio = fixture;

    /// <summary>Every call of earlier tests off the line and both agents away, so each test starts with an empty queue.</summary>
    protected async Task ResetAsync()
    {
        await QueryAsync(async db =>
        {
            await db.Calls.Where(c => c.IsActive).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsActive, false).SetProperty(c => c.Status, "completed"), Ct);
            return await db.AgentPresences.ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, AgentPresenceStatus.Away).SetProperty(p => p.WrapUpEndsAt, (DateTimeOffset?)null), Ct);
        });
    }

    protected async Task<(string CallSid, string Phone)> IncomingAsync(string? phone = null, IResponseBuilder? redirect = null)
    {
        phone ??= NewPhone();
        var callSid = "CA" + Guid.NewGuid().ToString("N");
        _twilio.AcceptRedirect(callSid, redirect);
        await (await _twilio.PostWebhookAsync("/twilio/voice/incoming", IncomingCall(callSid, phone))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await _twilio.PostWebhookAsync("/twilio/voice/status", Status(callSid, "in-progress", 1))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        return (callSid, phone);
    }

    protected static async Task SetPresenceAsync(HttpClient agent, AgentPresenceStatus status) =>
        (await (await agent.PutAsJsonAsync("/api/agents/me/presence", new SetPresenceRequest(status), Json.Options, Ct)).ReadAsync<AgentPresenceDto>()).Status.ShouldBe(status);

    protected static async Task<AgentPresenceDto> SetDeviceAsync(HttpClient agent, string phone = "13900002222") =>
        await (await agent.PutAsJsonAsync("/api/agents/me/device", new SetAgentDeviceRequest(phone), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();

    protected static async Task<AgentPresenceDto> PresenceAsync(HttpClient agent) =>
        await (await agent.GetAsync("/api/agents/me/presence", Ct)).ReadAsync<AgentPresenceDto>();

    /// <summary>A new caller answered by <paramref name="agent"/> (its phone set, Available first), connected in its conference.</summary>
    protected async Task<CallDto> AnswerNewCallAsync(HttpClient agent)
    {
        await SetDeviceAsync(agent);
        await SetPresenceAsync(agent, AgentPresenceStatus.Available);
        var (callSid, _) = await IncomingAsync();
        var answered = await (await agent.PostAsync("/api/calls/answer", null, Ct)).ReadAsync<AnswerCallResponse>();
        answered.Call.CallSid.ShouldBe(callSid);
        return answered.Call;
    }

    protected Task<T> QueryAsync<T>(Func<HotlineDbContext, Task<T>> query) => _twilio.QueryAsync(query);
}
