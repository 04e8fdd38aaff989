using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.UnitTests.Support;

/// <summary>
/// Builds orders in a known state on a fake clock. Registered Mon 2026-06-01 09:00 China time, dispatched
/// at 10:00 with the Normal tier: accept by 12:00, contact by 2026-06-03 00:00, reply by 2026-06-09 00:00.
/// </summary>
internal sealed class TicketScenario
{
    public static readonly DateTimeOffset RegisteredAt = China.At(2026, 6, 1, 9);
    public static readonly DateTimeOffset DispatchedAt = China.At(2026, 6, 1, 10);
    public static readonly DateTimeOffset AcceptDue = China.At(2026, 6, 1, 12);
    public static readonly DateTimeOffset ContactDue = China.At(2026, 6, 3);
    public static readonly DateTimeOffset ReplyDue = China.At(2026, 6, 9);

    public const string Phone = "13812345678";

    public FakeTimeProvider Clock { get; } = new(RegisteredAt);

    public TestDeadlineSchedule Schedule { get; } = TestDeadlineSchedule.Statutory;

    public Guid LeadUnitId { get; } = Guid.NewGuid();

    public Guid AssistingUnitId { get; } = Guid.NewGuid();

    public Guid CopiedUnitId { get; } = Guid.NewGuid();

    public Guid OtherUnitId { get; } = Guid.NewGuid();

    public Actor Agent { get; } = new(Guid.NewGuid(), "agent", [Roles.Agent], null);

    public Actor Supervisor { get; } = new(Guid.NewGuid(), "supervisor", [Roles.Supervisor], null);

    public Actor CallbackStaff { get; } = new(Guid.NewGuid(), "callback", [Roles.Callback], null);

    public Actor Lead => Department(LeadUnitId, "lead");

    public Actor Assisting => Department(AssistingUnitId, "assisting");

    public Actor Other => Department(OtherUnitId, "other");

    public DateTimeOffset Now => Clock.GetUtcNow();

    public static Actor Department(Guid unitId, string name = "swj") => new(Guid.NewGuid(), name, [Roles.Department], unitId);

    /// <summary>Moves the clock on and returns the new instant.</summary>
    public DateTimeOffset Tick(int minutes = 10)
    {
        Clock.Advance(TimeSpan.FromMinutes(minutes));
        return Clock.GetUtcNow();
    }

    public DateTimeOffset SetNow(DateTimeOffset at)
    {
        Clock.SetUtcNow(at);
        return Clock.GetUtcNow();
    }

    public Ticket Registered(TicketType type = TicketType.Complaint, Citizen? citizen = null, Urgency urgency = Urgency.Normal) =>
        Ticket.Register(
            Guid.NewGuid(),
            "12345-20260601-0001",
            Channel.Phone,
            type,
            "0101",
            urgency,
            citizen ?? new Citizen("张三", Phone, false),
            new TicketLocation("110101", "110101001", "东华门大街 1 号", null, null),
            "门口占道经营，影响通行。",
            null,
            null,
            null,
            Agent,
            Now);

    public Ticket Dispatched(TicketType type = TicketType.Complaint, Citizen? citizen = null)
    {
        var ticket = Registered(type, citizen);
        SetNow(DispatchedAt);
        ticket.Dispatch(LeadUnitId, [AssistingUnitId], CopiedUnitId, Schedule, "按派单目录派发", Agent, Now);
        return ticket;
    }

    public Ticket Accepted(TicketType type = TicketType.Complaint, Citizen? citizen = null)
    {
        var ticket = Dispatched(type, citizen);
        ticket.Accept(Lead, Tick(30));
        return ticket;
    }

    public Ticket Contacted(Citizen? citizen = null)
    {
        var ticket = Accepted(citizen: citizen);
        ticket.RecordContact("已电话联系市民", Lead, Tick(30));
        return ticket;
    }

    public Ticket ReturnRequested(bool afterAccept = false)
    {
        var ticket = afterAccept ? Accepted() : Dispatched();
        ticket.RequestReturn("不属于本单位职责", Lead, Tick());
        return ticket;
    }

    public Ticket Replied(bool solved = true)
    {
        var ticket = Contacted();
        ticket.Reply(solved, "已责令摊贩撤离并加强巡查。", Lead, SetNow(China.At(2026, 6, 2, 16)));
        return ticket;
    }

    public Ticket Closed()
    {
        var ticket = Replied();
        ticket.RecordCallback(CallbackOutcome.Satisfied, true, null, Schedule, CallbackStaff, SetNow(China.At(2026, 6, 3, 10)));
        return ticket;
    }

    public Ticket InStatus(TicketStatus status) => status switch
    {
        TicketStatus.Registered => Registered(),
        TicketStatus.Dispatched => Dispatched(),
        TicketStatus.Accepted => Accepted(),
        TicketStatus.ReturnRequested => ReturnRequested(),
        TicketStatus.Replied => Replied(),
        TicketStatus.Closed => Closed(),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
