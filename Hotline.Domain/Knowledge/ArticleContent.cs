using Hotline.Contracts.Knowledge;
using Hotline.Domain.Common;

namespace Hotline.Domain.Knowledge;

/// <summary>What an editor writes: the text and its metadata. Checked here so that no version holds bad content.</summary>
public sealed record ArticleContent(
    string Title,
    string Body,
    KnowledgeAudience Audience,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Synonyms,
    IReadOnlyList<string> CategoryCodes,
    IReadOnlyList<string> Tags,
    Guid? OwnerUnitId,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo)
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 20_000;
    public const int MaxTerms = 50;
    public const int MaxTermLength = 50;

    /// <summary>Trimmed, empty entries and repeats dropped; throws <see cref="DomainException"/> when a rule is broken.</summary>
    public static ArticleContent Create(
        string title,
        string body,
        KnowledgeAudience audience,
        IEnumerable<string>? keywords,
        IEnumerable<string>? synonyms,
        IEnumerable<string>? categoryCodes,
        IEnumerable<string>? tags,
        Guid? ownerUnitId,
        DateTimeOffset? validFrom,
        DateTimeOffset? validTo)
    {
        title = title.Trim();
        body = body.Trim();
        if (title.Length == 0 || title.Length > MaxTitleLength)
        {
            throw new DomainException($"标题不能为空，且不超过 {MaxTitleLength} 字。");
        }

        if (body.Length == 0 || body.Length > MaxBodyLength)
        {
            throw new DomainException($"正文不能为空，且不超过 {MaxBodyLength} 字。");
        }

        if (validFrom is { } from && validTo is { } to && to <= from)
        {
            throw new DomainException("有效期结束时间须晚于开始时间。");
        }

        return new ArticleContent(title, body, audience, Clean(keywords, "关键词"), Clean(synonyms, "同义词"), Clean(categoryCodes, "分类"), Clean(tags, "标签"),
            ownerUnitId, validFrom?.ToUniversalTime(), validTo?.ToUniversalTime());
    }

    public bool SameAs(ArticleContent other) =>
        Title == other.Title && Body == other.Body && Audience == other.Audience && OwnerUnitId == other.OwnerUnitId
        && ValidFrom == other.ValidFrom && ValidTo == other.ValidTo
        && Keywords.SequenceEqual(other.Keywords) && Synonyms.SequenceEqual(other.Synonyms)
        && CategoryCodes.SequenceEqual(other.CategoryCodes) && Tags.SequenceEqual(other.Tags);

    public bool IsExpiredAt(DateTimeOffset now) => ValidTo is { } to && to < now;

    private static List<string> Clean(IEnumerable<string>? values, string what)
    {
        var list = (values ?? []).Select(v => v?.Trim() ?? string.Empty).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count > MaxTerms || list.Any(v => v.Length > MaxTermLength))
        {
            throw new DomainException($"{what}最多 {MaxTerms} 个，每个不超过 {MaxTermLength} 字。");
        }

        return list;
    }
}
