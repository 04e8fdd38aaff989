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

    public void Rename(string name) => Name = name;
}
