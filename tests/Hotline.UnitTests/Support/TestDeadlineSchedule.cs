using Hotline.Contracts;
using Hotline.Domain.Calendar;
using Hotline.Domain.Tickets;

namespace Hotline.UnitTests.Support;

/// <summary>The seeded SLA defaults over the real statutory calendar, as the aggregate sees them.</summary>
internal sealed class TestDeadlineSchedule(WorkingCalendar calendar) : IDeadlineSchedule
{
    private readonly IReadOnlyDictionary<Urgency, SlaPolicy> _policies = SlaPolicy.Defaults().ToDictionary(p => p.Tier);

    public static TestDeadlineSchedule Statutory { get; } = new(StatutoryCalendar.Instance);

    public StageDeadlines For(Urgency tier, DateTimeOffset from) => DeadlineCalculator.For(from, _policies[tier], calendar);
}
