namespace Hotline.Domain.Knowledge;

/// <summary>
/// One search, for the gaps list (知识缺口): what was asked, how many results, and whether one was opened or the
/// citizen left the form without submitting after reading one (deflection).
/// </summary>
public sealed class KnowledgeSearch
{
    public const int MaxQueryLength = 500;

    private KnowledgeSearch()
    {
        Query = string.Empty;
    }

    public KnowledgeSearch(Guid id, string query, int results, bool isPublic, DateTimeOffset at)
    {
        Id = id;
        Query = query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;
        Results = results;
        IsPublic = isPublic;
        At = at;
    }

    public Guid Id { get; private set; }

    public string Query { get; private set; }

    public int Results { get; private set; }

    public bool IsPublic { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? OpenedArticleId { get; set; }

    public DateTimeOffset? DeflectedAt { get; set; }
}

/// <summary>An agent's vote on an article: one per person and article, the latest counts.</summary>
public sealed class KnowledgeVote
{
    private KnowledgeVote()
    {
        UserName = string.Empty;
    }

    public KnowledgeVote(Guid articleId, string userName, bool helpful, DateTimeOffset at)
    {
        ArticleId = articleId;
        UserName = userName;
        Helpful = helpful;
        At = at;
    }

    public Guid ArticleId { get; private set; }

    public string UserName { get; private set; }

    public bool Helpful { get; private set; }

    public DateTimeOffset At { get; private set; }

    public void Change(bool helpful, DateTimeOffset at) => (Helpful, At) = (helpful, at);
}

/// <summary>
/// The knowledge change log: one row per committed change to an article or to the synonyms. Every API node polls
/// it to keep its own index current (docs/knowledge.md "How nodes agree").
/// </summary>
public sealed class KnowledgeChange
{
    public long Sequence { get; private set; }

    public Guid? ArticleId { get; init; }

    public DateTimeOffset At { get; init; }
}
