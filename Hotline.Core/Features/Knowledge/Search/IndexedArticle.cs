using Hotline.Contracts.Knowledge;

namespace Hotline.Core.Features.Knowledge.Search;

/// <summary>What the index holds of a published article: its searchable text, who may see it, and when it is valid.</summary>
public sealed record IndexedArticle(
    Guid Id,
    string? ExternalId,
    string Title,
    string Body,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Synonyms,
    IReadOnlyList<string> CategoryCodes,
    IReadOnlyList<string> Tags,
    KnowledgeAudience Audience,
    Guid? OwnerUnitId,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo);

/// <summary>
/// A search: <paramref name="Audience"/> narrows to one audience; <paramref name="InternalOwnerUnitId"/>, when
/// set, admits internal articles only of that unit (a department's view); <paramref name="PublicOnly"/> is the citizens' view.
/// </summary>
public sealed record IndexQuery(
    string Text,
    int Top,
    DateTimeOffset Now,
    KnowledgeAudience? Audience = null,
    bool PublicOnly = false,
    Guid? InternalOwnerUnitId = null,
    bool RestrictInternalToUnit = false,
    string? CategoryCode = null,
    bool IncludeExpired = false);

public sealed record IndexHit(Guid Id, string? ExternalId, string Title, string Snippet, KnowledgeAudience Audience, double Score, bool Expired);

public sealed record IndexHits(IReadOnlyList<IndexHit> Items, int Total);
