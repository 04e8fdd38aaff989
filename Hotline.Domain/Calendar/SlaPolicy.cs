using Hotline.Contracts;

namespace Hotline.Domain.Calendar;

/// <summary>The accept, contact and reply limits of one urgency tier.</summary>
public sealed class SlaPolicy
{
    private SlaPolicy()
    {
        Accept = null!;
        Contact = null!;
        Reply = null!;
    }

    public SlaPolicy(Urgency tier, SlaLimit accept, SlaLimit contact, SlaLimit reply)
    {
        Tier = tier;
        Accept = accept;
        Contact = contact;
        Reply = reply;
    }

    public Urgency Tier { get; private set; }

    public SlaLimit Accept { get; private set; }

    public SlaLimit Contact { get; private set; }

    public SlaLimit Reply { get; private set; }

    public void Change(SlaLimit accept, SlaLimit contact, SlaLimit reply)
    {
        Accept = accept;
        Contact = contact;
        Reply = reply;
    }

    /// <summary>The defaults seeded on a new database (domain.md, "Deadlines").</summary>
    public static IReadOnlyList<SlaPolicy> Defaults() =>
    [
        new(Urgency.Emergency, new(30, LimitUnit.Minutes), new(1, LimitUnit.Hours), new(2, LimitUnit.Hours)),
        new(Urgency.Urgent, new(1, LimitUnit.Hours), new(4, LimitUnit.Hours), new(24, LimitUnit.Hours)),
        new(Urgency.Normal, new(2, LimitUnit.Hours), new(1, LimitUnit.WorkingDays), new(5, LimitUnit.WorkingDays)),
        new(Urgency.Complex, new(2, LimitUnit.Hours), new(1, LimitUnit.WorkingDays), new(15, LimitUnit.WorkingDays)),
    ];
}
