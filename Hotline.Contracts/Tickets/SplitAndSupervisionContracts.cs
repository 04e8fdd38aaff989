namespace Hotline.Contracts.Tickets;

/// <summary>拆单: two to ten parts, each its own demand with its own category (a leaf code) and, optionally, urgency (default: the original's).</summary>
public sealed record SplitRequest(IReadOnlyList<SplitPartRequest>? Parts, int? Version);

public sealed record SplitPartRequest(string? Content, string? CategoryCode, Urgency? Urgency);

/// <summary>An order linked to this one by a split: the original (<c>splitFrom</c>) or one of its parts (<c>splitInto</c>), with its current status.</summary>
public sealed record TicketLinkDto(Guid Id, string Number, TicketStatus Status);

/// <summary>领导批示/交办: the instruction, who gave it, and optionally a reply deadline tighter than the current one.</summary>
public sealed record InstructionRequest(string? Text, string? Author, DateTimeOffset? ReplyDueAt, int? Version);

/// <summary>An instruction on the order: <c>author</c> gave it, <c>enteredBy</c> (a supervisor's display name) entered it.</summary>
public sealed record InstructionDto(string Text, string Author, DateTimeOffset? ReplyDueAt, string EnteredBy, DateTimeOffset At);

/// <summary>疑难 (<c>hard</c>) and 典型 (<c>typical</c>), set and cleared by supervisors.</summary>
public sealed record TicketFlagsDto(bool Hard, bool Typical);

/// <summary>待研判: an agent could not place the order and asked the supervisors to assess it.</summary>
public sealed record AssessmentRequest(string? Note, int? Version);

public sealed record AssessmentDto(bool Pending, string? Note, DateTimeOffset? RequestedAt, string? RequestedBy);
