using Hotline.Contracts.Callbacks;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Callbacks.SweepCallbackSurveys;
using Hotline.IntegrationTests.Infrastructure;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Hotline.IntegrationTests.Callbacks;

/// <summary>
/// 自动回访进行中 on the local line with the demo's timings (launchSettings.json: SMS a minute after the reply, two
/// minutes for the SMS answer, two for the keypad call, at any hour): the survey is listed with its channel, what was
/// sent and what comes next, and reaches the callback desk's queue about five minutes after the reply.
/// </summary>
public sealed class SurveysInProgressTests(DemoTimingsFixture fixture) : ApiTestBase(fixture), IClassFixture<DemoTimingsFixture>
{
    private FakeTimeProvider Clock => (FakeTimeProvider)Fixture.Factory.Services.GetRequiredService<TimeProvider>();

    [Fact]
    public async Task Surveys_Should_ShowEachStepWithItsNextAttempt_And_ReachTheDeskWithinMinutes_When_TheCitizenNeverAnswers()
    {
        var phone = "137" + Random.Shared.NextInt64(10_000_000, 99_999_999);
        var replied = await RepliedAsync(request: NewTicket() with { Citizen = new CitizenDto("测试市民", phone, false) });
        var repliedAt = Clock.GetUtcNow();

        var scheduled = await SurveyAsync(replied.Id);
        (scheduled.Stage, scheduled.Channel, scheduled.Attempts, scheduled.SentAt).ShouldBe(("Scheduled", SurveyChannel.Sms, 0, (DateTimeOffset?)null));
        scheduled.NextAt.ShouldNotBeNull().ShouldBe(repliedAt.AddMinutes(1), TimeSpan.FromSeconds(1));

        Clock.Advance(TimeSpan.FromMinutes(1));
        await SweepAsync();
        var sms = await SurveyAsync(replied.Id);
        (sms.Stage, sms.Channel, sms.Attempts).ShouldBe(("SmsSent", SurveyChannel.Sms, 1));
        sms.SentAt.ShouldNotBeNull().ShouldBe(Clock.GetUtcNow(), TimeSpan.FromSeconds(1));
        sms.NextAt.ShouldNotBeNull().ShouldBe(Clock.GetUtcNow().AddMinutes(2), TimeSpan.FromSeconds(1));

        Clock.Advance(TimeSpan.FromMinutes(2));
        await SweepAsync();
        var call = await SurveyAsync(replied.Id);
        (call.Stage, call.Channel, call.Attempts).ShouldBe(("CallPlaced", SurveyChannel.Keypad, 2));
        (await DueCallbacksAsync()).ShouldNotContain(t => t.Id == replied.Id);

        Clock.Advance(TimeSpan.FromMinutes(2));
        await SweepAsync();
        (await SurveysAsync()).ShouldNotContain(s => s.TicketId == replied.Id);
        (await DueCallbacksAsync()).ShouldContain(t => t.Id == replied.Id);
        (Clock.GetUtcNow() - repliedAt).ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(6));
    }

    private async Task<SurveyInProgressDto> SurveyAsync(Guid ticketId) => (await SurveysAsync()).Single(s => s.TicketId == ticketId);

    private async Task<List<SurveyInProgressDto>> SurveysAsync()
    {
        using var callback = await ClientAsync("callback");
        return await (await callback.GetAsync("/api/callbacks/surveys", Ct)).ReadAsync<List<SurveyInProgressDto>>();
    }

    private async Task SweepAsync()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SweepCallbackSurveys(), Ct);
    }
}

/// <summary>The embedded database (local line) with the survey timings of Hotline.Api/Properties/launchSettings.json.</summary>
public sealed class DemoTimingsFixture() : ApiFixture(DatabaseProvider.Sqlite, new FakeTimeProvider(DateTimeOffset.UtcNow), new Dictionary<string, string?>
{
    ["Callbacks:DelayAfterReply"] = "00:01:00",
    ["Callbacks:SmsTimeout"] = "00:02:00",
    ["Callbacks:CallTimeout"] = "00:02:00",
    ["Callbacks:Hours"] = "00:00-24:00",
});
