using Hotline.Contracts.Reference;

namespace Hotline.Agent.Services;

/// <summary>Units, regions and categories, loaded once per sign-in, so pages show names instead of codes.</summary>
public sealed class ReferenceData(HotlineApi api)
{
    private Task? _loading;
    private Dictionary<Guid, UnitDto> _units = [];
    private Dictionary<string, string> _categories = [];
    private Dictionary<string, string> _places = [];

    public IReadOnlyList<UnitDto> Units { get; private set; } = [];

    public IReadOnlyList<RegionDto> Regions { get; private set; } = [];

    public IReadOnlyList<CategoryDto> Categories { get; private set; } = [];

    public Task EnsureLoadedAsync() => _loading ??= LoadAsync();

    public void Reset() => _loading = null;

    public string UnitName(Guid? id) => id is null ? "—" : _units.TryGetValue(id.Value, out var unit) ? unit.Name : "未知单位";

    /// <summary>"供水 › 停水" for a leaf, the group's name for a top-level code.</summary>
    public string CategoryName(string? code) => code is null ? "—" : _categories.GetValueOrDefault(code, code);

    public string CategoryLeafName(string? code)
    {
        var name = CategoryName(code);
        var cut = name.LastIndexOf('›');
        return cut < 0 ? name : name[(cut + 1)..].Trim();
    }

    public string PlaceName(string? code) => code is null ? "" : _places.GetValueOrDefault(code, code);

    private async Task LoadAsync()
    {
        try
        {
            var units = api.GetUnitsAsync();
            var regions = api.GetRegionsAsync();
            var categories = api.GetCategoriesAsync();
            Units = (await units).OrderBy(u => u.Kind).ThenBy(u => u.Code, StringComparer.Ordinal).ToList();
            Regions = await regions;
            Categories = await categories;
        }
        catch
        {
            _loading = null;
            throw;
        }

        _units = Units.ToDictionary(u => u.Id);
        _categories = Categories.SelectMany(c => c.Children.Select(ch => (ch.Code, Name: $"{c.Name} › {ch.Name}")).Prepend((c.Code, c.Name)))
            .GroupBy(x => x.Code).ToDictionary(g => g.Key, g => g.First().Name);
        _places = Regions.SelectMany(r => r.Streets.Select(s => (s.Code, s.Name)).Prepend((r.Code, r.Name)))
            .GroupBy(x => x.Code).ToDictionary(g => g.Key, g => g.First().Name);
    }
}
