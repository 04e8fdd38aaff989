using Hotline.Contracts;

namespace Hotline.Domain.Reference;

/// <summary>A handling unit (承办单位) in the unit tree.</summary>
public sealed class Unit
{
    private Unit()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public Unit(Guid id, string code, string name, UnitKind kind, Guid? parentId, string? districtCode)
    {
        Id = id;
        Code = code;
        Name = name;
        Kind = kind;
        ParentId = parentId;
        DistrictCode = districtCode;
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public UnitKind Kind { get; private set; }

    public Guid? ParentId { get; private set; }

    /// <summary>The district a district government or street office belongs to.</summary>
    public string? DistrictCode { get; private set; }

    /// <summary>The unit's duty phone (值班电话), normalized digits: where an agent transfers a caller (转接单位); null when none is known.</summary>
    public string? Phone { get; private set; }

    public void SetPhone(string? normalizedPhone) => Phone = normalizedPhone;

    public void Change(string code, string name, UnitKind kind, Guid? parentId, string? districtCode)
    {
        Code = code;
        Name = name;
        Kind = kind;
        ParentId = parentId;
        DistrictCode = districtCode;
    }
}
