namespace Hotline.Domain.Dispatch;

public sealed record DispatchSuggestion(Guid UnitId, Guid? RuleId, string Reason);
