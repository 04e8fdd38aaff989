using Hotline.Contracts.Knowledge;

namespace Hotline.Domain.Knowledge;

/// <summary>One version of an article: the whole content as it was, who made the change, when and why. Never changed afterwards.</summary>
public sealed class KnowledgeArticleVersion
{
    private KnowledgeArticleVersion()
    {
        Title = Body = ChangedBy = string.Empty;
        // Four lists, never one shared: EF fills the materialized lists in place.
        Keywords = [];
        Synonyms = [];
        CategoryCodes = [];
        Tags = [];
    }

    internal KnowledgeArticleVersion(Guid articleId, int number, ArticleChange change, ArticleContent content, string changedBy, Guid? changedById, DateTimeOffset at, string? note)
    {
        ArticleId = articleId;
        Number = number;
        Change = change;
        Title = content.Title;
        Body = content.Body;
        Audience = content.Audience;
        Keywords = [.. content.Keywords];
        Synonyms = [.. content.Synonyms];
        CategoryCodes = [.. content.CategoryCodes];
        Tags = [.. content.Tags];
        OwnerUnitId = content.OwnerUnitId;
        ValidFrom = content.ValidFrom;
        ValidTo = content.ValidTo;
        ChangedBy = changedBy;
        ChangedById = changedById;
        ChangedAt = at;
        Note = note;
    }

    public Guid ArticleId { get; private set; }

    public int Number { get; private set; }

    public ArticleChange Change { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    public KnowledgeAudience Audience { get; private set; }

    public List<string> Keywords { get; private set; }

    public List<string> Synonyms { get; private set; }

    public List<string> CategoryCodes { get; private set; }

    public List<string> Tags { get; private set; }

    public Guid? OwnerUnitId { get; private set; }

    public DateTimeOffset? ValidFrom { get; private set; }

    public DateTimeOffset? ValidTo { get; private set; }

    public string ChangedBy { get; private set; }

    public Guid? ChangedById { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public string? Note { get; private set; }

    public ArticleContent Content => new(Title, Body, Audience, Keywords, Synonyms, CategoryCodes, Tags, OwnerUnitId, ValidFrom, ValidTo);
}
