using Hotline.Contracts;
using Hotline.Domain.Calendar;
using Hotline.Domain.Reference;
using Hotline.Domain.Tickets;

namespace Hotline.Bench.Infrastructure;

/// <summary>The normal tier's limits in clock time (sign 2 h, contact 24 h, reply 5 days): the measures do not depend on the calendar.</summary>
public sealed class BenchSchedule : IDeadlineSchedule
{
    public StageDeadlines For(Urgency tier, DateTimeOffset from) => new(from.AddHours(2), from.AddHours(24), from.AddDays(5));
}

/// <summary>A clock that stands still at the benchmark's "now".</summary>
public sealed class BenchClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>A synthetic city: units, 16 districts of 8 streets, 20 category groups of 5 leaves, saved to the benchmark database.</summary>
public sealed record BenchCity(List<Guid> Units, List<string> Districts, List<(string District, string Street)> Streets, List<string> Categories)
{
    public static async Task<BenchCity> CreateAsync(BenchDatabase database, int unitCount, CancellationToken ct)
    {
        await using var db = database.NewContext();
        var units = Enumerable.Range(1, unitCount).Select(i => new Unit(Guid.NewGuid(), $"u{i:D4}", $"承办单位{i:D4}", UnitKind.CityDepartment, null, null)).ToList();
        db.Units.AddRange(units);
        var districts = new List<string>();
        var streets = new List<(string, string)>();
        for (var d = 1; d <= 16; d++)
        {
            var district = new District($"d{d:D2}", $"第{d}区");
            var names = Enumerable.Range(1, 8).Select(s => ($"d{d:D2}-s{s}", $"第{d}区第{s}街道")).ToList();
            district.SetStreets(names);
            db.Districts.Add(district);
            districts.Add(district.Code);
            streets.AddRange(names.Select(n => (district.Code, n.Item1)));
        }

        var categories = new List<string>();
        for (var g = 1; g <= 20; g++)
        {
            db.Categories.Add(new Category($"g{g:D2}", $"类别组{g}", null));
            for (var c = 1; c <= 5; c++)
            {
                var code = $"g{g:D2}-c{c}";
                db.Categories.Add(new Category(code, $"类别{g}-{c}", $"g{g:D2}"));
                categories.Add(code);
            }
        }

        await db.SaveChangesAsync(ct);
        return new BenchCity(units.Select(u => u.Id).ToList(), districts, streets, categories);
    }
}
