using Hotline.Core.Data;
using Microsoft.EntityFrameworkCore;
using Hotline.Core.Features.Deadlines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Reference;

/// <summary>
/// Holds the current <see cref="ReferenceSnapshot"/>. Admin writes invalidate it in this process; other
/// processes pick up a change within <see cref="MaxAge"/>.
/// </summary>
public sealed class ReferenceDataCache(IServiceScopeFactory scopeFactory, TimeProvider time, IOptions<DeadlineOptions> deadlines)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (ReferenceSnapshot Snapshot, DateTimeOffset LoadedAt)? _current;

    public async ValueTask<ReferenceSnapshot> GetAsync(CancellationToken ct)
    {
        var current = _current;
        if (current is { } c && time.GetUtcNow() - c.LoadedAt < MaxAge)
        {
            return c.Snapshot;
        }

        await _gate.WaitAsync(ct);
        try
        {
            current = _current;
            if (current is { } again && time.GetUtcNow() - again.LoadedAt < MaxAge)
            {
                return again.Snapshot;
            }

            var snapshot = await LoadAsync(ct);
            _current = (snapshot, time.GetUtcNow());
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _current = null;

    private async Task<ReferenceSnapshot> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var districts = await db.Districts.AsNoTracking().Include(d => d.Streets).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().ToListAsync(ct);
        var rules = await db.DispatchRules.AsNoTracking().ToListAsync(ct);
        var sla = await db.SlaPolicies.AsNoTracking().ToListAsync(ct);
        var calendar = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        return new ReferenceSnapshot(units, districts, categories, rules, sla, calendar, deadlines.Value.WarningShare);
    }
}
