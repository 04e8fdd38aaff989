namespace Hotline.Domain.Reference;

/// <summary>
/// One line of the dispatch catalogue (派单目录): a category (top-level or leaf), optionally narrowed to
/// a district and a street, maps to the unit that is legally responsible.
/// </summary>
public sealed class DispatchRule
{
    private DispatchRule()
    {
        CategoryCode = string.Empty;
    }

    public DispatchRule(Guid id, string categoryCode, string? districtCode, string? streetCode, Guid unitId)
    {
        Id = id;
        CategoryCode = categoryCode;
        DistrictCode = districtCode;
        StreetCode = streetCode;
        UnitId = unitId;
    }

    public Guid Id { get; private set; }

    public string CategoryCode { get; private set; }

    public string? DistrictCode { get; private set; }

    public string? StreetCode { get; private set; }

    public Guid UnitId { get; private set; }

    public void Change(string categoryCode, string? districtCode, string? streetCode, Guid unitId)
    {
        CategoryCode = categoryCode;
        DistrictCode = districtCode;
        StreetCode = streetCode;
        UnitId = unitId;
    }
}
