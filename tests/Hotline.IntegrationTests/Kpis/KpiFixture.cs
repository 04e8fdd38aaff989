using Hotline.Contracts;
using Hotline.Core.Data;
using Hotline.Core.Features.Deadlines.SweepDeadlines;
using Hotline.Domain.Calendar;
using Hotline.Domain.Common;
using Hotline.Domain.Reference;
using Hotline.Domain.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using MediatR;
using Unit = Hotline.Domain.Reference.Unit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.IntegrationTests.Kpis;

/// <summary>
/// The API on a fake clock that seeds the demo city in January 2030, then a hand-computed March 2030 written
/// straight through the aggregate with exact instants, in units, districts and categories of its own. The clock
/// then stands at Wed 2030-03-20 12:00 China time. docs/kpis.md lists the figures these orders must give.
/// </summary>
public abstract class KpiFixture(DatabaseProvider provider) : ApiFixture(provider, new FakeTimeProvider(new DateTimeOffset(2030, 1, 10, 4, 0, 0, TimeSpan.Zero)))
{
    public static readonly DateTimeOffset Now = China(3, 20, 12);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _arranged;

    public Guid UnitA { get; } = Guid.NewGuid();

    public Guid UnitB { get; } = Guid.NewGuid();

    public Guid UnitC { get; } = Guid.NewGuid();

    public Guid UnitD { get; } = Guid.NewGuid();

    public Dictionary<string, Ticket> Orders { get; } = [];

    public FakeTimeProvider Clock => (FakeTimeProvider)Factory.Services.GetRequiredService<TimeProvider>();

    /// <summary>An instant in 2030, China time.</summary>
    public static DateTimeOffset China(int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(2030, month, day, hour, minute, 0, ChinaTime.Offset).ToUniversalTime();

    public async Task EnsureArrangedAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_arranged)
            {
                return;
            }

            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
            Arrange(db);
            await db.SaveChangesAsync();
            Clock.SetUtcNow(Now);

            // The sweep notices the orders that are open past a limit, as it does every minute in production.
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SweepDeadlines());
            _arranged = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Arrange(HotlineDbContext db)
    {
        db.Units.AddRange(
            new Unit(UnitA, "kt-unit-a", "甲单位", UnitKind.CityDepartment, null, null),
            new Unit(UnitB, "kt-unit-b", "乙单位", UnitKind.CityDepartment, null, null),
            new Unit(UnitC, "kt-unit-c", "丙单位", UnitKind.CityDepartment, null, null),
            new Unit(UnitD, "kt-unit-d", "丁单位", UnitKind.CityDepartment, null, null));
        var kt = new District("kt", "测试区");
        kt.SetStreets([("kt-s1", "一号街道"), ("kt-s2", "二号街道")]);
        db.Districts.AddRange(kt, new District("ku", "另一区"));
        db.Categories.AddRange(
            new Category("kt", "测试类", null),
            new Category("kt-a", "甲类诉求", "kt"),
            new Category("kt-b", "乙类诉求", "kt"),
            new Category("kt-h", "热点类诉求", "kt"));

        var agent = new Actor(null, "agent", [Roles.Agent], null);
        var supervisor = new Actor(null, "supervisor", [Roles.Supervisor], null);
        var callback = new Actor(null, "callback", [Roles.Callback], null);
        Actor UnitUser(Guid unit) => new(null, "unit", [Roles.Department], unit);
        var (a, b, c, d) = (UnitUser(UnitA), UnitUser(UnitB), UnitUser(UnitC), UnitUser(UnitD));
        var schedule = new FixedSchedule();
        var number = 0;

        Ticket New(string key, DateTimeOffset at, string category = "kt-a", string district = "kt", string? street = null)
        {
            var ticket = Ticket.Register(
                Guid.NewGuid(), $"KT{++number:D6}", Channel.Phone, TicketType.Complaint, category, Urgency.Normal,
                new Citizen("测试市民", "13800000000", false), new TicketLocation(district, street, "测试地址", null, null),
                $"测试诉求 {key}", null, null, null, agent, at);
            Orders[key] = ticket;
            db.Tickets.Add(ticket);
            return ticket;
        }

        Ticket Dispatched(string key, DateTimeOffset at, Guid unit, string category = "kt-a", string district = "kt")
        {
            var ticket = New(key, at.AddMinutes(-5), category, district);
            ticket.Dispatch(unit, [], null, schedule, null, agent, at);
            return ticket;
        }

        // Unit A (甲单位). Limits: sign for 1 h, contact 4 h, reply 2 days.
        var a1 = Dispatched("A1", China(3, 2, 9), UnitA);
        a1.Accept(a, China(3, 2, 9, 30));
        a1.RecordContact("已联系", a, China(3, 2, 11));
        a1.Reply(true, "已处理", a, China(3, 3, 9));
        a1.RecordCallback(CallbackOutcome.Satisfied, true, null, schedule, callback, China(3, 5, 10));

        var a2 = Dispatched("A2", China(3, 3, 9), UnitA);
        a2.Accept(a, China(3, 3, 11)); // late: due 10:00
        a2.RecordContact("已联系", a, China(3, 3, 12));
        a2.Reply(true, "已处理", a, China(3, 6, 9)); // late: due 03-05 09:00
        a2.RecordCallback(CallbackOutcome.BasicallySatisfied, true, null, schedule, callback, China(3, 8, 10));

        var a3 = Dispatched("A3", China(3, 4, 9), UnitA);
        a3.Accept(a, China(3, 4, 9, 10));
        a3.RecordContact("已联系", a, China(3, 4, 10));
        a3.Reply(false, "已处理", a, China(3, 5, 9));
        a3.RecordCallback(CallbackOutcome.Dissatisfied, false, null, schedule, callback, China(3, 6, 10)); // rework, fresh limits
        a3.Accept(a, China(3, 6, 10, 20));
        a3.RecordContact("再次联系", a, China(3, 6, 11));
        a3.Reply(true, "已解决", a, China(3, 7, 10));
        a3.RecordCallback(CallbackOutcome.Satisfied, true, null, schedule, callback, China(3, 8, 11));

        var a4 = Dispatched("A4", China(3, 10, 9), UnitA);
        a4.Accept(a, China(3, 10, 9, 30));
        a4.RecordContact("已联系", a, China(3, 10, 10));
        a4.RequestExtension(China(3, 15, 0), "需协调", a, China(3, 11, 9));
        a4.DecideExtension(false, "不予延期", supervisor, China(3, 11, 15)); // still due 03-12 09:00: open and late now

        var a5 = Dispatched("A5", China(3, 20, 10), UnitA);
        a5.Accept(a, China(3, 20, 10, 30)); // contact due 14:00, reply due 03-22: still running at 12:00

        var a6 = Dispatched("A6", China(3, 5, 9), UnitA);
        a6.MergeInto(a1, supervisor, China(3, 5, 11)); // a duplicate, late to sign for, but never counted

        var a7 = Dispatched("A7", China(2, 25, 9), UnitA);
        a7.Accept(a, China(2, 25, 9, 10));
        a7.RecordContact("已联系", a, China(2, 25, 9, 20));
        a7.Reply(true, "已处理", a, China(2, 26, 9));
        a7.RecordCallback(CallbackOutcome.Unreachable, null, null, schedule, callback, China(3, 1, 8)); // counts in March, as unreachable

        Dispatched("A8", China(2, 28, 23, 50), UnitA); // February in China time (15:50 UTC): not in March
        Dispatched("A9", China(3, 1, 0, 10), UnitA); // March in China time (Feb 28 16:10 UTC): never signed for

        var a10 = Dispatched("A10", China(3, 11, 9), UnitA);
        a10.Accept(a, China(3, 11, 9, 10));
        a10.RecordContact("已联系", a, China(3, 11, 9, 20));
        a10.Reply(false, "已处理", a, China(3, 12, 9));
        a10.RecordCallback(CallbackOutcome.Dissatisfied, false, null, schedule, callback, China(3, 13, 9)); // rework
        a10.Accept(a, China(3, 13, 9, 10));
        a10.RecordContact("再次联系", a, China(3, 13, 9, 20)); // reply due 03-15 09:00: open and late now

        // B1: first sent to D with C assisting; D returns it, the supervisor redispatches to B, which is accountable.
        var b1 = New("B1", China(3, 5, 8, 55), "kt-b", "ku");
        b1.Dispatch(UnitD, [UnitC], null, schedule, null, agent, China(3, 5, 9));
        b1.RequestReturn("不属于本单位职责", d, China(3, 5, 9, 20));
        b1.ApproveReturn(UnitB, null, schedule, null, supervisor, China(3, 5, 11));
        b1.Accept(b, China(3, 5, 11, 30));
        b1.RecordContact("已联系", b, China(3, 5, 12));
        b1.Reply(true, "已处理", b, China(3, 6, 9));
        b1.RecordCallback(CallbackOutcome.Satisfied, true, null, schedule, callback, China(3, 7, 10));

        // C1: the only callback reached nobody.
        var c1 = Dispatched("C1", China(3, 6, 9), UnitC, "kt-b", "ku");
        c1.Accept(c, China(3, 6, 9, 10));
        c1.RecordContact("已联系", c, China(3, 6, 9, 30));
        c1.Reply(true, "已处理", c, China(3, 7, 9));
        c1.RecordCallback(CallbackOutcome.Unreachable, null, null, schedule, callback, China(3, 8, 10));

        // D1: no callback yet; the reply is due after now.
        var d1 = Dispatched("D1", China(3, 19, 9), UnitD, "kt-b");
        d1.Accept(d, China(3, 19, 9, 10));
        d1.RecordContact("已联系", d, China(3, 19, 9, 30));

        // Hot spots (weeks from Monday): street kt-s1, category kt-h rises to 5 this week against 1, 0, 2, 1 before.
        void Many(int count, DateTimeOffset at, string street, string category)
        {
            for (var i = 0; i < count; i++)
            {
                New($"H-{street}-{category}-{at:MMdd}-{i}", at.AddMinutes(i), category, "kt", street);
            }
        }

        Many(1, China(3, 12, 9), "kt-s1", "kt-h");
        Many(2, China(2, 26, 9), "kt-s1", "kt-h");
        Many(1, China(2, 19, 9), "kt-s1", "kt-h");
        Many(5, China(3, 18, 9), "kt-s1", "kt-h");
        // kt-s2 / kt-h: 5 this week against 3 a week before: ×1.67, under the ratio of 2.
        foreach (var day in new[] { 11, 4 })
        {
            Many(3, China(3, day, 9), "kt-s2", "kt-h");
        }

        Many(3, China(2, 25, 9), "kt-s2", "kt-h");
        Many(3, China(2, 18, 9), "kt-s2", "kt-h");
        Many(5, China(3, 19, 9), "kt-s2", "kt-h");
        // kt-s1 / kt-b: 4 this week and nothing before: under the minimum count of 5.
        Many(4, China(3, 20, 9), "kt-s1", "kt-b");
    }

    internal sealed class FixedSchedule : IDeadlineSchedule
    {
        public StageDeadlines For(Urgency tier, DateTimeOffset from) => new(from.AddHours(1), from.AddHours(4), from.AddDays(2));
    }
}

public sealed class SqliteKpiFixture() : KpiFixture(DatabaseProvider.Sqlite);

public sealed class PostgresKpiFixture() : KpiFixture(DatabaseProvider.PostgreSql);
