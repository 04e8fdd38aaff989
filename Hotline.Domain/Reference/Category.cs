namespace Hotline.Domain.Reference;

/// <summary>A category of the two-level catalogue. A top-level category has no parent.</summary>
public sealed class Category
{
    private Category()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public Category(string code, string name, string? parentCode)
    {
        Code = code;
        Name = name;
        ParentCode = parentCode;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public string? ParentCode { get; private set; }

    /// <summary>Words a caller says for this category (没水, 自来水 for 停水), space-separated; the category search matches them.</summary>
    public string Keywords { get; private set; } = string.Empty;

    public IReadOnlyList<string> KeywordList => Keywords.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public void Rename(string name) => Name = name;

    public void SetKeywords(IEnumerable<string>? keywords) =>
        Keywords = string.Join(' ', (keywords ?? []).Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal));
}
