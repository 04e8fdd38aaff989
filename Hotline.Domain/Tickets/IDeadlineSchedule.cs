using Hotline.Contracts;
using Hotline.Domain.Calendar;

namespace Hotline.Domain.Tickets;

/// <summary>The SLA table and the statutory calendar, as the aggregate needs them when a clock starts.</summary>
public interface IDeadlineSchedule
{
    StageDeadlines For(Urgency tier, DateTimeOffset from);

    /// <summary>The share of a stage's allowed time after which a warning (预警) is raised.</summary>
    double WarningShare => 0.8;
}
