namespace Hotline.Domain.Calendar;

/// <summary>
/// Which of an order's clocks count statutory working days (the others count clock time). Stored with the clocks so a
/// suspended clock restarts in its own unit (docs/deadlines.md, "Suspension").
/// </summary>
[Flags]
public enum WorkingDayStages
{
    None = 0,
    Accept = 1,
    Contact = 2,
    Reply = 4,
}
