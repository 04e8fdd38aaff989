using Hotline.Domain.Common;

namespace Hotline.Domain.Knowledge;

/// <summary>A group of words searched as one (没水/停水/停止供水), maintained by the editors.</summary>
public sealed class KnowledgeSynonymGroup
{
    public const int MaxTerms = 20;
    public const int MaxTermLength = 30;

    private KnowledgeSynonymGroup()
    {
        Terms = [];
        UpdatedBy = string.Empty;
    }

    public KnowledgeSynonymGroup(Guid id, IEnumerable<string> terms, string updatedBy, DateTimeOffset now)
    {
        Id = id;
        Terms = Clean(terms);
        UpdatedBy = updatedBy;
        UpdatedAt = now;
        Version = 1;
    }

    public Guid Id { get; private set; }

    public List<string> Terms { get; private set; }

    public int Version { get; private set; }

    public string UpdatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public void Change(IEnumerable<string> terms, int? expectedVersion, string updatedBy, DateTimeOffset now)
    {
        if (expectedVersion is { } v && v != Version)
        {
            throw new StaleArticleVersionException(Version, v);
        }

        Terms = Clean(terms);
        Version++;
        UpdatedBy = updatedBy;
        UpdatedAt = now;
    }

    private static List<string> Clean(IEnumerable<string> terms)
    {
        var list = terms.Select(t => t?.Trim() ?? string.Empty).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count < 2 || list.Count > MaxTerms || list.Any(t => t.Length > MaxTermLength))
        {
            throw new DomainException($"同义词组须有 2 至 {MaxTerms} 个词，每个不超过 {MaxTermLength} 字。");
        }

        return list;
    }
}
