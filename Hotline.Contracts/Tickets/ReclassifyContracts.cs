namespace Hotline.Contracts.Tickets;

/// <summary>修改分类/紧急程度 of a Registered order (all three are required: the order's new classification).</summary>
public sealed record ReclassifyRequest(string? CategoryCode, Urgency? Urgency, TicketType? Type, int? Version);
