using Hotline.Core.Features.Webhooks;
using Shouldly;

namespace Hotline.UnitTests.Webhooks;

public sealed class WebhookScheduleTests
{
    [Fact]
    public void RetryDelay_Should_DoubleFromTenSeconds_UpToAnHour()
    {
        var options = new WebhookOptions();
        Enumerable.Range(1, 12).Select(n => options.RetryDelay(n).TotalSeconds)
            .ShouldBe([10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600, 3600]);
    }

    [Fact]
    public void RetryWindow_Should_HoldAboutThirtyAttempts_When_EveryAttemptFails()
    {
        var options = new WebhookOptions();
        var elapsed = TimeSpan.Zero;
        var attempts = 1;
        while (elapsed < options.RetryWindow)
        {
            elapsed += options.RetryDelay(attempts++);
        }

        attempts.ShouldBeInRange(28, 34);
    }

    [Theory]
    [InlineData("TicketDispatched", "cn.hotline.ticket.dispatched")]
    [InlineData("TicketRegistered", "cn.hotline.ticket.registered")]
    [InlineData("ReturnRequested", "cn.hotline.ticket.return-requested")]
    [InlineData("DeadlineAlertRaised", "cn.hotline.ticket.deadline-alert-raised")]
    [InlineData("TicketFlagChanged", "cn.hotline.ticket.flag-changed")]
    public void Of_Should_NameTheType_AfterTheDomainEvent(string eventName, string type) =>
        WebhookEventTypes.Of(eventName).ShouldBe(type);

    [Fact]
    public void All_Should_ListEveryEventOfAnOrder_Once() =>
        WebhookEventTypes.All.Count.ShouldBe(29);
}
