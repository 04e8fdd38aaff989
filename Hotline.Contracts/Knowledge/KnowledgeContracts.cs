namespace Hotline.Contracts.Knowledge;

/// <summary>公开 (citizens and staff) or 内部 (handling guides for agents and units).</summary>
public enum KnowledgeAudience { Public, Internal }

/// <summary>草稿 → 待审核 → 已发布 → 已下线; sent back (退回) returns a draft.</summary>
public enum ArticleStatus { Draft, InReview, Published, Retired }

/// <summary>Why a version was written.</summary>
public enum ArticleChange { Created, Edited, Submitted, Published, SentBack, Retired, Imported }

public enum CorrectionStatus { Open, Accepted, Rejected }

public sealed record ArticleRequest(
    string? Title,
    string? Body,
    KnowledgeAudience? Audience,
    IReadOnlyList<string>? Keywords,
    IReadOnlyList<string>? Synonyms,
    IReadOnlyList<string>? CategoryCodes,
    IReadOnlyList<string>? Tags,
    Guid? OwnerUnitId,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo,
    string? ExternalId,
    int? Version);

public sealed record ArticleDto(
    Guid Id,
    string? ExternalId,
    ArticleStatus Status,
    string StatusName,
    int Version,
    int? PublishedVersion,
    string Title,
    string Body,
    string BodyHtml,
    KnowledgeAudience Audience,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Synonyms,
    IReadOnlyList<string> CategoryCodes,
    IReadOnlyList<string> Tags,
    Guid? OwnerUnitId,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo,
    bool Expired,
    string? ValidityLabel,
    string AuthorName,
    string? ReviewNote,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    ArticleStatsDto Stats);

public sealed record ArticleStatsDto(int Views, int Uses, int Helpful, int Unhelpful);

public sealed record ArticleSummaryDto(
    Guid Id,
    string? ExternalId,
    string Title,
    ArticleStatus Status,
    string StatusName,
    KnowledgeAudience Audience,
    int Version,
    bool Expired,
    string AuthorName,
    DateTimeOffset UpdatedAt,
    ArticleStatsDto Stats);

public sealed record ArticleVersionDto(
    int Number,
    ArticleChange Change,
    string Title,
    string Body,
    KnowledgeAudience Audience,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Synonyms,
    IReadOnlyList<string> CategoryCodes,
    IReadOnlyList<string> Tags,
    Guid? OwnerUnitId,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo,
    string ChangedBy,
    DateTimeOffset ChangedAt,
    string? Note);

public sealed record ReviewRequest(bool Approve, string? Note, int? Version);

public sealed record NoteOnlyRequest(string? Note, int? Version);

public sealed record CorrectionRequest(string? Text);

public sealed record CorrectionDto(Guid Id, Guid ArticleId, string ArticleTitle, string Text, Guid? UnitId, string ProposedBy, DateTimeOffset CreatedAt, CorrectionStatus Status, string? ResolvedBy, DateTimeOffset? ResolvedAt, string? Resolution);

public sealed record ResolveCorrectionRequest(bool Accept, string? Note);

/// <summary>One line of an import or export (api.md): <c>category</c> is a catalogue code or free topic text kept as a tag.</summary>
public sealed record ArticleExchangeLine(
    string? ExternalId,
    string? Title,
    string? Body,
    string? Category,
    IReadOnlyList<string>? Keywords,
    string? Audience,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo);

public sealed record ImportError(int Line, string Message);

public sealed record ImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors);

public sealed record KnowledgeSearchItem(Guid Id, string? ExternalId, string Title, string Snippet, KnowledgeAudience Audience, double Score, bool Expired);

/// <summary><c>searchId</c> names this search when an opened article or a deflection is reported against it (知识缺口).</summary>
public sealed record KnowledgeSearchResult(IReadOnlyList<KnowledgeSearchItem> Items, int Total, double TookMs, Guid? SearchId);

public sealed record PublicArticleDto(Guid Id, string Title, string BodyHtml, DateTimeOffset? ValidTo, DateTimeOffset UpdatedAt);

public sealed record SynonymGroupRequest(IReadOnlyList<string>? Terms, int? Version);

public sealed record SynonymGroupDto(Guid Id, IReadOnlyList<string> Terms, int Version, string UpdatedBy, DateTimeOffset UpdatedAt);

public sealed record ArticleViewRequest(Guid? SearchId);

public sealed record ArticleVoteRequest(bool Helpful);

public sealed record DeflectionRequest(Guid? SearchId, Guid? ArticleId);

public sealed record KnowledgeGapDto(string Query, int Searches, int NoResult, int NotOpened, DateTimeOffset LastSearchedAt);

public sealed record ReviewDueDto(Guid Id, string Title, string Reason, DateTimeOffset UpdatedAt, DateTimeOffset? ValidTo);

/// <summary>What searches led to over the last <c>days</c>: on the staff side and on the public form (分流: left without submitting after reading an answer).</summary>
public sealed record KnowledgeInsightsDto(int Days, KnowledgeFunnelDto Staff, KnowledgeFunnelDto Public);

public sealed record KnowledgeFunnelDto(int Searches, int WithoutResult, int Opened, int Deflected);

public sealed record ArticlePreviewRequest(string? Body);

public sealed record ArticlePreviewDto(string Html);
