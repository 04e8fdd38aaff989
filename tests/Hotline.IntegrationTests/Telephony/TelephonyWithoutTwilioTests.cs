using System.Net;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Telephony;
using Hotline.IntegrationTests.Infrastructure;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Hotline.IntegrationTests.Telephony;

/// <summary>
/// The embedded default without Twilio: replied orders go straight to the human queue, nothing is sent, and the
/// simulator's development token signs webhooks; a server database without Twilio refuses every webhook.
/// </summary>
public abstract class TelephonyWithoutTwilioTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task RepliedOrder_Should_WaitForAPersonAtOnce_When_TwilioIsNotConfigured()
    {
        var ticket = await RepliedAsync();

        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Hotline.Core.Features.Callbacks.SweepCallbackSurveys.SweepCallbackSurveys(), Ct);
            (result.Scheduled + result.SmsSent + result.CallsPlaced).ShouldBe(0);
        }

        using var callback = await ClientAsync("callback");
        var due = await (await callback.GetAsync("/api/callbacks?due=true", Ct)).ReadAsync<List<TicketListItemDto>>();
        due.ShouldContain(t => t.Id == ticket.Id);
    }

    [Fact]
    public async Task IncomingCall_Should_BeAcceptedOnlyWithTheDevelopmentToken_When_TheDatabaseIsEmbedded()
    {
        var token = Fixture.Factory.Services.GetRequiredService<TwilioCredentials>().WebhookToken;
        var form = new List<KeyValuePair<string, string>> { new("CallSid", "CA" + Guid.NewGuid().ToString("N")), new("From", "+8613800000000"), new("CallStatus", "ringing") };

        var forged = await PostAsync(form, TwilioSignature.Compute("guessed-token", "http://localhost/twilio/voice/incoming", form));
        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        if (Fixture.Provider != DatabaseProvider.Sqlite)
        {
            token.ShouldBeNull("a server database without Twilio has no webhook token: every webhook is refused");
            return;
        }

        token.ShouldNotBeNull().Length.ShouldBeGreaterThanOrEqualTo(32);
        var signed = await PostAsync(form, TwilioSignature.Compute(token, "http://localhost/twilio/voice/incoming", form));
        await signed.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await signed.Content.ReadAsStringAsync(Ct)).ShouldContain("<Enqueue>");
    }

    private async Task<HttpResponseMessage> PostAsync(List<KeyValuePair<string, string>> form, string signature)
    {
        using var client = Fixture.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/twilio/voice/incoming") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.Header, signature);
        return await client.SendAsync(request, Ct);
    }

    public sealed class OnSqlite(SqliteApiFixture fixture) : TelephonyWithoutTwilioTests(fixture), IClassFixture<SqliteApiFixture>;

    public sealed class OnPostgreSql(PostgresApiFixture fixture) : TelephonyWithoutTwilioTests(fixture), IClassFixture<PostgresApiFixture>;
}
