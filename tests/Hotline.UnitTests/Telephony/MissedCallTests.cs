using Hotline.Contracts.Telephony;
using Hotline.Core.Features.Calls;
using Hotline.Domain.Common;
using Hotline.Domain.Telephony;
using Shouldly;

namespace Hotline.UnitTests.Telephony;

public sealed class MissedCallTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero); // 00:00 China time, 1 December
    private static readonly Guid Agent = Guid.NewGuid();
    private static readonly Guid OtherAgent = Guid.NewGuid();

    [Fact]
    public void Fold_Should_CountTheMiss_KeepTheFirst_AndTheLongestWait()
    {
        var task = MissedCall.Open("13900000001", MissedCallReason.Abandoned, Start, 40);

        task.Fold(MissedCallReason.AfterHours, Start.AddMinutes(5), 0);

        task.Misses.ShouldBe(2);
        task.FirstMissedAt.ShouldBe(Start);
        task.LastMissedAt.ShouldBe(Start.AddMinutes(5));
        task.LastWaitSeconds.ShouldBe(0);
        task.LongestWaitSeconds.ShouldBe(40);
        task.Reason.ShouldBe(MissedCallReason.AfterHours);
        task.OpenPhone.ShouldBe("13900000001");
    }

    [Fact]
    public void NoAnswer_Should_KeepTheTaskOpen_UntilTheLastAttempt()
    {
        var task = MissedCall.Open("13900000001", MissedCallReason.Abandoned, Start, 10);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            task.StartCallback(Agent, Start.AddMinutes(attempt));
            task.CallbackPlaced("CA" + attempt);
            var logged = task.RecordOutcome(Agent, MissedCallOutcome.NoAnswer, null, Start.AddMinutes(attempt).AddSeconds(30), maxAttempts: 3);
            logged.CallSid.ShouldBe("CA" + attempt);
            logged.StartedAt.ShouldBe(Start.AddMinutes(attempt));
            task.Attempts.ShouldBe(attempt);
            task.Status.ShouldBe(attempt < 3 ? MissedCallStatus.Open : MissedCallStatus.Done);
        }

        task.OpenPhone.ShouldBeNull();
        task.CompletedAt.ShouldBe(Start.AddMinutes(3).AddSeconds(30));
        Should.Throw<DomainException>(() => task.StartCallback(Agent, Start.AddHours(1)));
    }

    [Theory]
    [InlineData(MissedCallOutcome.Reached)]
    [InlineData(MissedCallOutcome.WrongNumber)]
    public void ReachedOrWrongNumber_Should_FinishTheTask_AtTheFirstAttempt(MissedCallOutcome outcome)
    {
        var task = MissedCall.Open("13900000001", MissedCallReason.Abandoned, Start, 10);
        task.StartCallback(Agent, Start);

        var logged = task.RecordOutcome(Agent, outcome, "  已说明  ", Start.AddMinutes(2), maxAttempts: 3);

        task.Status.ShouldBe(MissedCallStatus.Done);
        task.OpenPhone.ShouldBeNull();
        logged.Note.ShouldBe("已说明");
        task.Note.ShouldBe("已说明");
    }

    [Fact]
    public void Callback_Should_BeOneAgentsAtATime_And_GoBack_When_TheNetworkRefuses()
    {
        var task = MissedCall.Open("13900000001", MissedCallReason.Abandoned, Start, 10);
        Should.Throw<DomainException>(() => task.RecordOutcome(Agent, MissedCallOutcome.Reached, null, Start, 3)).Message.ShouldContain("请先回拨");
        task.StartCallback(Agent, Start);

        Should.Throw<DomainException>(() => task.StartCallback(OtherAgent, Start)).Message.ShouldBe("其他话务员正在回拨该来电。");
        Should.Throw<DomainException>(() => task.RecordOutcome(OtherAgent, MissedCallOutcome.Reached, null, Start, 3));
        task.StartCallback(Agent, Start.AddSeconds(5)); // the same agent dials again
        task.CallbackFailed();

        task.Status.ShouldBe(MissedCallStatus.Open);
        task.AgentId.ShouldBeNull();
        task.StartCallback(OtherAgent, Start.AddMinutes(1));
        task.AgentId.ShouldBe(OtherAgent);
    }

    [Theory]
    [InlineData("08:00-20:00", 0, false)] // 00:00 China time
    [InlineData("08:00-20:00", 8, true)] // 08:00
    [InlineData("08:00-20:00", 20, false)] // 20:00: the end is outside
    [InlineData("00:00-24:00", 23, true)]
    public void StaffedHours_Should_BeChinaTime(string hours, int hoursAfterMidnight, bool staffed) =>
        new CallCentreOptions { StaffedHours = hours }.IsStaffed(Start.AddHours(hoursAfterMidnight)).ShouldBe(staffed);

    [Fact]
    public void AfterHoursCall_Should_NeitherRingNorQueue_And_BeMissedAtOnce()
    {
        var call = Call.Incoming("CA1", "+8613900000001", null, "ringing", Start, afterHours: true);

        call.DomainEvents.ShouldBeEmpty();
        call.IsWaiting.ShouldBeFalse();
        call.IsMissed.ShouldBeTrue();
        CallQueue.Waiting(new[] { call }.AsQueryable()).ShouldBeEmpty();
        Call.Incoming("CA2", "+8613900000001", null, "ringing", Start).IsMissed.ShouldBeFalse();
    }

    [Fact]
    public void Options_Should_RefuseMalformedStaffedHours()
    {
        var errors = new CallCentreOptions { StaffedHours = "20:00-08:00" }.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new object())).ToList();
        errors.ShouldHaveSingleItem().ErrorMessage!.ShouldContain("Calls:StaffedHours");
    }
}
