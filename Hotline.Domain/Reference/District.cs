namespace Hotline.Domain.Reference;

/// <summary>A district (区) with its streets and townships (街道/乡镇).</summary>
public sealed class District
{
    private readonly List<Street> _streets = [];

    private District()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public District(string code, string name)
    {
        Code = code;
        Name = name;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>The place in the official list (东城 1, 西城 2, 朝阳 3 … in Beijing); lists show districts in this order.</summary>
    public int SortOrder { get; private set; }

    public IReadOnlyList<Street> Streets => _streets;

    public void Rename(string name) => Name = name;

    public void SetSortOrder(int sortOrder) => SortOrder = sortOrder;

    /// <summary>
    /// Replaces the street list in the order given (the official order); streets keep their codes, so orders that
    /// name them stay valid.
    /// </summary>
    public void SetStreets(IEnumerable<(string Code, string Name)> streets)
    {
        var wanted = streets.ToList();
        var codes = wanted.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        _streets.RemoveAll(s => !codes.Contains(s.Code));
        for (var i = 0; i < wanted.Count; i++)
        {
            var (code, name) = wanted[i];
            var street = _streets.Find(s => s.Code == code);
            if (street is null)
            {
                street = new Street(code, name, Code);
                _streets.Add(street);
            }
            else
            {
                street.Rename(name);
            }

            street.SetSortOrder(i + 1);
        }
    }
}
