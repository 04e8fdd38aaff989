using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts.Telephony;
using Hotline.Core.Telephony;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Telephony;

/// <summary>接听 on the local line (本地模拟线路): connected at once, nothing sent to Twilio's URL; the hang-up starts the wrap-up.</summary>
public sealed class LocalLineAnsweringTests(LocalLineFixture fixture) : ApiTestBase(fixture), IClassFixture<LocalLineFixture>
{
    private readonly LocalLineFixture _line = fixture;

    [Fact]
    public async Task Answer_Should_ConnectAtOnce_WithoutAPhoneOrTwilio_When_OnTheLocalLine()
    {
        _line.Line.ShouldBe(TelephonyLine.Local);
        using var agent = await ClientAsync("agent");
        (await (await agent.PutAsJsonAsync("/api/agents/me/presence", new SetPresenceRequest(AgentPresenceStatus.Available), Json.Options, Ct)).ReadAsync<AgentPresenceDto>()).DevicePhone.ShouldBeNull();
        var callSid = "CA" + Guid.NewGuid().ToString("N");
        await (await PostAsync("/twilio/voice/incoming", [new("CallSid", callSid), new("From", "+8613800000000"), new("CallStatus", "ringing")])).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var answered = await (await agent.PostAsync("/api/calls/answer", null, Ct)).ReadAsync<AnswerCallResponse>();

        answered.Bridge.ShouldBe(CallBridge.Connected);
        answered.Call.CallSid.ShouldBe(callSid);
        _line.Twilio.LogEntries.ShouldBeEmpty();
        await (await PostAsync("/twilio/voice/status", [new("CallSid", callSid), new("CallStatus", "completed"), new("SequenceNumber", "2")])).ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await (await agent.GetAsync("/api/agents/me/presence", Ct)).ReadAsync<AgentPresenceDto>()).Status.ShouldBe(AgentPresenceStatus.WrapUp);
    }

    [Fact]
    public async Task Callback_Should_ConnectAtOnce_WithoutAPhoneOrTwilio_When_OnTheLocalLine()
    {
        using var agent = await ClientAsync("agent2");
        var callSid = "CA" + Guid.NewGuid().ToString("N");
        await (await PostAsync("/twilio/voice/incoming", [new("CallSid", callSid), new("From", "+8613800000077"), new("CallStatus", "ringing")])).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await PostAsync("/twilio/voice/status", [new("CallSid", callSid), new("CallStatus", "completed"), new("SequenceNumber", "2")])).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var task = (await (await agent.GetAsync("/api/calls/missed", Ct)).ReadAsync<List<MissedCallDto>>()).Single(m => m.From == "13800000077");

        var called = await (await agent.PostAsync($"/api/calls/missed/{task.Id}/callback", null, Ct)).ReadAsync<MissedCallCallbackResponse>();

        called.Bridge.ShouldBe(CallBridge.Connected);
        called.Task.CallbackSid!.ShouldMatch("^CA[0-9a-f]{32}$");
        _line.Twilio.LogEntries.ShouldBeEmpty();
        (await (await agent.PostAsJsonAsync($"/api/calls/missed/{task.Id}/outcome", new RecordMissedCallOutcomeRequest(MissedCallOutcome.WrongNumber, "非本人号码"), Json.Options, Ct)).ReadAsync<MissedCallDto>())
            .Status.ShouldBe(MissedCallStatus.Done);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, List<KeyValuePair<string, string>> form)
    {
        using var client = _line.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        var token = _line.Factory.Services.GetService(typeof(TwilioCredentials)) is TwilioCredentials credentials ? credentials.WebhookToken : null;
        request.Headers.Add(TwilioSignature.Header, TwilioSignature.Compute(token!, "http://localhost" + path, form));
        return await client.SendAsync(request, Ct);
    }
}
