using Hotline.Contracts;

namespace Hotline.Domain.Tickets;

/// <summary>One demand of a split order: the new order's id and number (from the allocator), its content and classification.</summary>
public sealed record SplitPart(Guid Id, string Number, string Content, string CategoryCode, Urgency Urgency);
