namespace Hotline.Domain.Calendar;

/// <summary>The three due instants an order gets when its clock starts (all UTC).</summary>
public sealed record StageDeadlines(DateTimeOffset AcceptDueAt, DateTimeOffset ContactDueAt, DateTimeOffset ReplyDueAt);
