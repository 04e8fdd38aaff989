namespace Hotline.Contracts.Quality;

/// <summary>One point of the quality-inspection checklist (质检评分表).</summary>
public sealed record QaChecklistItemDto(Guid Id, string Title, int MaxScore);

/// <summary>One point as edited: an existing one by its id, a new one without; points left out are retired.</summary>
public sealed record QaChecklistItemInput(Guid? Id, string? Title, int? MaxScore);

/// <summary><c>PUT /api/qa/checklist</c>: the whole checklist in its order (1 to 20 points).</summary>
public sealed record SaveQaChecklistRequest(IReadOnlyList<QaChecklistItemInput>? Items);

public sealed record QaScoreDto(Guid ItemId, string Title, int Points, int MaxScore);

/// <summary>A call's score: the total, each point as it was scored, the comment, who and when.</summary>
public sealed record QaReviewDto(Guid Id, Guid CallId, Guid AgentId, int Score, int MaxScore, string? Comment, string ReviewerName, DateTimeOffset ReviewedAt, IReadOnlyList<QaScoreDto> Scores);

/// <summary>A sampled call: who answered, when, how long, whether it has a recording, the order from it, and its score if scored.</summary>
public sealed record QaSampleCallDto(Guid CallId, string From, Guid AgentId, string AgentName, DateTimeOffset AnsweredAt, int? DurationSeconds, bool HasRecording, Guid? TicketId, QaReviewDto? Review);

/// <summary><c>GET /api/qa/sample?week=2026-W49</c>: the week's sample (China time, Monday to Sunday) at the configured rate.</summary>
public sealed record QaSampleDto(string Week, DateTimeOffset From, DateTimeOffset To, double Rate, int Answered, IReadOnlyList<QaSampleCallDto> Calls);

public sealed record QaPointsInput(Guid ItemId, int Points);

/// <summary><c>POST /api/qa/calls/{callId}/review</c>: a score for every active point of the checklist, and a comment.</summary>
public sealed record ScoreCallRequest(IReadOnlyList<QaPointsInput>? Scores, string? Comment);

/// <summary>An agent's QA in one week: how many calls were scored and the average share of the maximum (0 to 100).</summary>
public sealed record QaAgentWeekDto(Guid AgentId, string AgentName, string Week, int Reviews, double AveragePercent);

/// <summary><c>GET /api/qa/agents?from=2026-W41&amp;to=2026-W49</c>: per agent per week, oldest week first.</summary>
public sealed record QaAgentScoresDto(string From, string To, IReadOnlyList<QaAgentWeekDto> Rows);
