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

    public IReadOnlyList<Street> Streets => _streets;

    public void Rename(string name) => Name = name;

    /// <summary>Replaces the street list; streets keep their codes, so orders that name them stay valid.</summary>
    public void SetStreets(IEnumerable<(string Code, string Name)> streets)
    {
        var wanted = streets.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal);
        _streets.RemoveAll(s => !wanted.ContainsKey(s.Code));
        foreach (var (code, name) in wanted)
        {
            var existing = _streets.Find(s => s.Code == code);
            if (existing is null)
            {
                _streets.Add(new Street(code, name, Code));
            }
            else
            {
                existing.Rename(name);
            }
        }
    }
}
