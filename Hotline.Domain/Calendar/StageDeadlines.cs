namespace Hotline.Domain.Calendar;

/// <summary>The three due instants an order gets when its clock starts (all UTC), and which of them count working days.</summary>
public sealed record StageDeadlines(DateTimeOffset AcceptDueAt, DateTimeOffset ContactDueAt, DateTimeOffset ReplyDueAt, WorkingDayStages WorkingDays = WorkingDayStages.None);
