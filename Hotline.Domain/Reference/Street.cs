namespace Hotline.Domain.Reference;

public sealed class Street
{
    private Street()
    {
        Code = string.Empty;
        Name = string.Empty;
        DistrictCode = string.Empty;
    }

    public Street(string code, string name, string districtCode)
    {
        Code = code;
        Name = name;
        DistrictCode = districtCode;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public string DistrictCode { get; private set; }

    /// <summary>The place in its district's official list.</summary>
    public int SortOrder { get; private set; }

    public void Rename(string name) => Name = name;

    public void SetSortOrder(int sortOrder) => SortOrder = sortOrder;
}
