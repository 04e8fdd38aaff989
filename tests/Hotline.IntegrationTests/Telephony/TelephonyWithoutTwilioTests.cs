using System.Net;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Telephony;
using Hotline.Core.Telephony;
using Hotline.IntegrationTests.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Hotline.IntegrationTests.Telephony;

/// <summary>
/// Without Twilio: the embedded default surveys on the local line (LocalLineSurveyTests has the whole loop) and the
/// simulator's development token signs webhooks; a server database without Twilio has no line (replied orders go
/// straight to the human queue) and refuses every webhook.
/// </summary>
public abstract class TelephonyWithoutTwilioTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task RepliedOrder_Should_BeSurveyedOnTheLocalLineOnlyWithTheEmbeddedDatabase_When_TwilioIsNotConfigured()
    {
        var ticket = await RepliedAsync();

        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Hotline.Core.Features.Callbacks.SweepCallbackSurveys.SweepCallbackSurveys(), Ct);
            (result.SmsSent + result.CallsPlaced).ShouldBe(0, "nothing is due an hour before the reply's survey");
            var survey = await scope.ServiceProvider.GetRequiredService<HotlineDbContext>().CallbackSurveys.SingleOrDefaultAsync(s => s.TicketId == ticket.Id, Ct);
            if (Fixture.Provider == DatabaseProvider.Sqlite)
            {
                survey.ShouldNotBeNull("the embedded database surveys on the local line").Stage.ShouldBe(SurveyStage.Scheduled);
            }
            else
            {
                survey.ShouldBeNull("a server database without Twilio has no line: no automated survey");
            }
        }

        using var callback = await ClientAsync("callback");
        var due = await (await callback.GetAsync("/api/callbacks?due=true", Ct)).ReadAsync<List<TicketListItemDto>>();
        if (Fixture.Provider == DatabaseProvider.Sqlite)
        {
            due.ShouldNotContain(t => t.Id == ticket.Id, "the local line's survey runs first");
        }
        else
        {
            due.ShouldContain(t => t.Id == ticket.Id, "without a line the order waits for a person at once");
        }
    }

    [Fact]
    public async Task ReadinessProbe_Should_NameTheLine_When_TwilioIsNotConfigured()
    {
        using var anonymous = Fixture.AnonymousClient();

        var body = await (await anonymous.GetAsync("/health/ready", Ct)).Content.ReadAsStringAsync(Ct);

        body.ShouldContain(Fixture.Provider == DatabaseProvider.Sqlite ? "本地模拟线路" : "none (no Twilio on a server database)");
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
        (await signed.Content.ReadAsStringAsync(Ct)).ShouldContain("<Enqueue waitUrl=\"/twilio/voice/wait\">hotline</Enqueue>");
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

/// <summary><c>Callbacks:Automated=false</c> on the embedded database: the local line exists, but replied orders go to a person at once.</summary>
public sealed class AutomatedSurveysOffTests(AutomatedSurveysOffFixture fixture) : ApiTestBase(fixture), IClassFixture<AutomatedSurveysOffFixture>
{
    [Fact]
    public async Task RepliedOrder_Should_WaitForAPersonAtOnce_When_AutomatedSurveysAreOff()
    {
        var ticket = await RepliedAsync();

        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Hotline.Core.Features.Callbacks.SweepCallbackSurveys.SweepCallbackSurveys(), Ct);
            result.Scheduled.ShouldBe(0);
            (await scope.ServiceProvider.GetRequiredService<HotlineDbContext>().CallbackSurveys.AnyAsync(s => s.TicketId == ticket.Id, Ct)).ShouldBeFalse();
        }

        using var callback = await ClientAsync("callback");
        (await (await callback.GetAsync("/api/callbacks?due=true", Ct)).ReadAsync<List<TicketListItemDto>>()).ShouldContain(t => t.Id == ticket.Id);
        using var anonymous = Fixture.AnonymousClient();
        (await (await anonymous.GetAsync("/health/ready", Ct)).Content.ReadAsStringAsync(Ct)).ShouldContain("automated callback surveys off");
    }
}

public sealed class AutomatedSurveysOffFixture() : ApiFixture(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?> { ["Callbacks:Automated"] = "false" });
