using FluentValidation;
using Hotline.Contracts.Telephony;
using Hotline.Core.Features.Calls;
using Hotline.Core.Features.Calls.CallerRegistry;
using Hotline.Core.Telephony;
using Hotline.Domain.Common;
using Hotline.Domain.Telephony;
using Shouldly;

namespace Hotline.UnitTests.Telephony;

/// <summary>Priority callers, seat groups, the position announcement and the malicious caller registry (docs/telephony.md).</summary>
public sealed class CallerRegistryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero); // 00:00 China time, 1 December

    [Fact]
    public void Queue_Should_PutRegisteredAndOverdueCallersFirst_InOrderOfWaiting_Then_TheOthers()
    {
        var plain = Call.Incoming("CA1", "+8613900000001", null, "ringing", Start);
        var elderly = Call.Incoming("CA2", "+8613900000002", null, "ringing", Start.AddSeconds(30), new PriorityCaller("13900000002", PriorityCallerKind.Elderly, null, "agent", Start).Reason);
        var overdue = Call.Incoming("CA3", "+8613900000003", null, "ringing", Start.AddSeconds(20), CallPriority.OverdueOrder);
        var disabled = Call.Incoming("CA4", "+8613900000004", null, "ringing", Start.AddSeconds(40), new PriorityCaller("13900000004", PriorityCallerKind.Disabled, null, "agent", Start).Reason);

        CallQueue.Waiting(new[] { disabled, plain, elderly, overdue }.AsQueryable()).Select(c => c.CallSid).ToList()
            .ShouldBe(["CA3", "CA2", "CA4", "CA1"]);
        elderly.PriorityReason.ShouldBe("老年人优先");
        disabled.PriorityReason.ShouldBe("残疾人优先");
        new PriorityCaller("1", PriorityCallerKind.Other, "孕妇", "a", Start).Reason.ShouldBe(CallPriority.Registered);
    }

    [Fact]
    public void SeatGroups_Should_GiveTheSkilledAgentTheGroupFirst_AndOthersOnlyAfterTheOverflow()
    {
        var general = Call.Incoming("CA1", "+8613900000001", null, "ringing", Start);
        var business = Call.Incoming("CA2", "+8613900000002", "+862161234567", "ringing", Start.AddSeconds(10), seatGroup: "涉企专席");
        var dialect = Call.Incoming("CA3", "+8613900000003", null, "ringing", Start.AddSeconds(5), seatGroup: "方言专席");
        var calls = new[] { general, business, dialect }.AsQueryable();
        var overflowBefore = Start.AddSeconds(-120); // two minutes before the first call: nothing overflowed yet

        CallQueue.WaitingFor(calls, ["涉企专席"], overflowBefore).Select(c => c.CallSid).ToList().ShouldBe(["CA2", "CA1"]);
        CallQueue.WaitingFor(calls, [], overflowBefore).Select(c => c.CallSid).ToList().ShouldBe(["CA1"]);

        // Two minutes later the dialect call (and then the business call) overflowed: anyone may take them, in the queue's order.
        CallQueue.WaitingFor(calls, [], Start.AddSeconds(5)).Select(c => c.CallSid).ToList().ShouldBe(["CA1", "CA3"]);
        CallQueue.WaitingFor(calls, ["涉企专席"], Start.AddSeconds(60)).Select(c => c.CallSid).ToList().ShouldBe(["CA2", "CA1", "CA3"]);
    }

    [Fact]
    public void SeatGroup_Should_BeChosenByTheNumberCalled_InEitherForm_AndNoneForOtherNumbers()
    {
        var options = new CallCentreOptions { SeatGroups = new() { ["涉企专席"] = ["+862161234567"], ["方言专席"] = ["02161230000"] } };

        options.SeatGroupFor("+862161234567").ShouldBe("涉企专席");
        options.SeatGroupFor("862161234567").ShouldBeNull(); // without + it is not the +86 form
        options.SeatGroupFor("+8602161230000").ShouldBe("方言专席");
        options.SeatGroupFor("+8612345").ShouldBeNull();
        options.SeatGroupFor(null).ShouldBeNull();
        options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ShouldBeEmpty();

        var twice = new CallCentreOptions { SeatGroups = new() { ["A"] = ["+862161234567"], ["B"] = ["+86 2161234567"] } };
        twice.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(twice)).ShouldNotBeEmpty();
    }

    [Fact]
    public void Position_Should_CountTheCallersAheadInTheCallersOwnLine_WithPriority()
    {
        var first = Call.Incoming("CA1", "+8613900000001", null, "ringing", Start);
        var second = Call.Incoming("CA2", "+8613900000002", null, "ringing", Start.AddSeconds(10));
        var priority = Call.Incoming("CA3", "+8613900000003", null, "ringing", Start.AddSeconds(20), CallPriority.Elderly);
        var grouped = Call.Incoming("CA4", "+8613900000004", null, "ringing", Start.AddSeconds(1), seatGroup: "涉企专席");
        var all = new[] { first, second, priority, grouped };

        CallQueue.Ahead(all, priority).ShouldBe(0);
        CallQueue.Ahead(all, first).ShouldBe(1);
        CallQueue.Ahead(all, second).ShouldBe(2);
        CallQueue.Ahead(all, grouped).ShouldBe(0);
        VoicePrompts.Position(2, 3).ShouldBe("您前面还有2位来电，预计等待约3分钟，请不要挂机。");
        VoicePrompts.Position(0, 1).ShouldStartWith("您是下一位来电");
    }

    [Fact]
    public void WaitEstimate_Should_UseTheRecentAverageWait_PerCaller_Or_TheDefault_RoundedUpToMinutes()
    {
        WaitEstimate.Minutes(0, null, TimeSpan.FromMinutes(1)).ShouldBe(1);
        WaitEstimate.Minutes(2, null, TimeSpan.FromMinutes(1)).ShouldBe(3);
        WaitEstimate.Minutes(2, TimeSpan.FromSeconds(40), TimeSpan.FromMinutes(1)).ShouldBe(2); // 3 × 40 s = 2 min
        WaitEstimate.Minutes(3, TimeSpan.FromSeconds(40), TimeSpan.FromMinutes(1)).ShouldBe(3); // 160 s → 3 min
        WaitEstimate.Minutes(0, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1)).ShouldBe(1);  // never under a minute
        WaitEstimate.Minutes(-1, TimeSpan.Zero, TimeSpan.FromMinutes(2)).ShouldBe(2);
    }

    [Fact]
    public void Limit_Should_LetTheFirstNCallsOfTheDayThrough_AndNotApplyAfterExpiryOrToWarn()
    {
        var limit = new FlaggedCaller("13900000001", "每天反复来电辱骂话务员", FlaggedCallerPolicy.Limit, 3, Start.AddDays(30), "supervisor", Start);
        limit.Limits(0, Start).ShouldBeFalse();
        limit.Limits(2, Start).ShouldBeFalse(); // the third call of the day
        limit.Limits(3, Start).ShouldBeTrue();  // the fourth
        limit.Limits(10, Start.AddDays(30)).ShouldBeFalse(); // expired: no effect
        limit.IsActiveAt(Start.AddDays(30)).ShouldBeFalse();

        var warn = new FlaggedCaller("13900000002", "重复来电", FlaggedCallerPolicy.Warn, 5, null, "supervisor", Start);
        warn.DailyLimit.ShouldBeNull();
        warn.Limits(100, Start).ShouldBeFalse();
        warn.IsActiveAt(Start.AddYears(5)).ShouldBeTrue();

        Should.Throw<DomainException>(() => new FlaggedCaller("1", "x", FlaggedCallerPolicy.Limit, null, null, "s", Start));
        Should.Throw<DomainException>(() => new FlaggedCaller("1", "x", FlaggedCallerPolicy.Warn, null, Start, "s", Start));
        Should.Throw<DomainException>(() => new FlaggedCaller("1", " ", FlaggedCallerPolicy.Warn, null, null, "s", Start));
    }

    [Fact]
    public void LimitedCall_Should_NotWait_NotRing_AndNotBeMissed_ButCarryTheFlag()
    {
        var flag = new FlaggedCaller("13900000001", "恶意骚扰", FlaggedCallerPolicy.Limit, 1, null, "supervisor", Start);
        var limited = Call.Incoming("CA1", "+8613900000001", null, "ringing", Start, CallPriority.Elderly, seatGroup: "涉企专席", flag: flag, limited: true);
        var warned = Call.Incoming("CA2", "+8613900000001", null, "ringing", Start, flag: flag);

        limited.Limited.ShouldBeTrue();
        limited.IsWaiting.ShouldBeFalse();
        limited.DomainEvents.ShouldBeEmpty();
        limited.SeatGroup.ShouldBeNull();
        limited.ApplyStatus("completed", 1, 30, Start.AddSeconds(30));
        limited.IsMissed.ShouldBeFalse();
        CallQueue.Waiting(new[] { limited, warned }.AsQueryable()).ShouldBe([warned]);

        var rang = warned.DomainEvents.OfType<CallReceived>().Single();
        rang.FlagReason.ShouldBe("恶意骚扰");
        rang.FlagPolicy.ShouldBe(FlaggedCallerPolicy.Limit);
    }

    [Fact]
    public void Import_Should_ReadCsvAndJsonLines_AndReportEveryBadLine()
    {
        var rows = ImportPriorityCallersHandler.Parse("phone,kind,note\n+86 138-0000-0001,老年人,独居\n13800000002,Disabled,\n\n13800000003,其他,孕妇, 行动不便", jsonLines: false);
        rows.ShouldBe([("13800000001", PriorityCallerKind.Elderly, (string?)"独居"), ("13800000002", PriorityCallerKind.Disabled, null), ("13800000003", PriorityCallerKind.Other, "孕妇, 行动不便")]);

        ImportPriorityCallersHandler.Parse("{\"phone\":\"13800000001\",\"kind\":\"Elderly\"}", jsonLines: true).Single().Kind.ShouldBe(PriorityCallerKind.Elderly);

        var bad = Should.Throw<ValidationException>(() => ImportPriorityCallersHandler.Parse("13800000001,老年人\nabc,老年人\n13800000002,儿童\n13800000003,其他\n+8613800000001,残疾人\n13800000004", jsonLines: false));
        bad.Errors.Select(e => e.ErrorMessage[..6]).ShouldBe(["第 2 行：", "第 3 行：", "第 4 行：", "第 5 行：", "第 6 行："]);
        bad.Errors.ShouldContain(e => e.ErrorMessage.Contains("与第 1 行重复"));
        Should.Throw<ValidationException>(() => ImportPriorityCallersHandler.Parse("{not json", jsonLines: true));
        Should.Throw<ValidationException>(() => ImportPriorityCallersHandler.Parse("\n", jsonLines: false));
        Should.Throw<ValidationException>(() => ImportPriorityCallersHandler.Parse("13800000001,1", jsonLines: false)); // a number is not a kind
    }

    [Fact]
    public void PriorityEntry_Should_ReportNoChange_When_SetToWhatItSays()
    {
        var entry = new PriorityCaller("13800000001", PriorityCallerKind.Elderly, " 独居 ", "agent", Start);
        entry.Note.ShouldBe("独居");
        entry.Set(PriorityCallerKind.Elderly, "独居", "admin", Start.AddDays(1)).ShouldBeFalse();
        entry.SetBy.ShouldBe("agent");
        entry.Set(PriorityCallerKind.Disabled, "独居", "admin", Start.AddDays(1)).ShouldBeTrue();
        entry.SetBy.ShouldBe("admin");
    }

    [Fact]
    public void WaitTwiml_Should_SayThenPause()
    {
        new Twiml().Say(VoicePrompts.Position(1, 2)).Pause(30).ToString().ShouldContain("<Pause length=\"30\" />");
        PhoneNumbers.StoredForms("13800000001").ShouldBe(["13800000001", "+8613800000001", "008613800000001"]);
        PhoneNumbers.StoredForms("02161234567").ShouldContain("+862161234567");
    }
}
