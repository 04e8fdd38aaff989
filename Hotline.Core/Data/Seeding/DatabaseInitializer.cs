using System.Globalization;
using System.Reflection;
using Hotline.Contracts;
using Hotline.Domain.Calendar;
using Hotline.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Data.Seeding;

/// <summary>
/// Runs at start: migrates (when configured), seeds what every centre needs (SLA defaults, the statutory
/// calendar), creates the first Admin on an empty database, and seeds the demo city when asked. Each step
/// checks what is already there, so a restart or a second node changes nothing.
/// </summary>
public sealed partial class DatabaseInitializer(
    HotlineDbContext db,
    IOptions<DatabaseOptions> database,
    IOptions<SeedOptions> seed,
    IPasswordHasher<User> hasher,
    Features.Tickets.TicketNumberAllocator numbers,
    TimeProvider time,
    Features.Users.TwoFactor.TotpSecretProtector totpSecrets,
    ILogger<DatabaseInitializer> logger)
{
    public const string DemoPassword = "Demo#12345";

    public async Task InitializeAsync(CancellationToken ct)
    {
        if (database.Value.ShouldMigrateOnStart)
        {
            await db.Database.MigrateAsync(ct);
            if (db.Database.IsSqlite())
            {
                // WAL lets the console read while an order is being written.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
        }

        if (!await db.SlaPolicies.AnyAsync(ct))
        {
            db.SlaPolicies.AddRange(SlaPolicy.Defaults());
            await db.SaveChangesAsync(ct);
        }

        if (!await db.CalendarDays.AnyAsync(ct))
        {
            db.CalendarDays.AddRange(LoadStatutoryCalendar());
            await db.SaveChangesAsync(ct);
        }

        await BootstrapAdminAsync(ct);

        // Enrolments from before the secrets were encrypted at rest keep working; from here on their column is encrypted too.
        if (await totpSecrets.ProtectPlainSecretsAsync(db, ct) is > 0 and var protectedCount)
        {
            LogSecretsProtected(protectedCount);
        }
        await Features.Knowledge.KnowledgeSetup.SeedSynonymsAsync(db, time, ct);

        // The measures' counts arrived with an upgrade (or were cleared): compute them once from the orders.
        if (!await db.Set<Features.Kpis.Counts.KpiCount>().AnyAsync(ct) && await db.Tickets.AnyAsync(ct))
        {
            await new Features.Kpis.Counts.RebuildKpiCounts.RebuildKpiCountsHandler(db).Handle(new Features.Kpis.Counts.RebuildKpiCounts.RebuildKpiCounts(), ct);
        }

        var seedDemo = seed.Value.Demo.Seed ?? database.Value.Provider == DatabaseProvider.Sqlite;
        if (seedDemo && !await db.Units.AnyAsync(ct))
        {
            await new DemoCitySeeder(db, hasher, numbers, time, seed.Value.Demo.Knowledge).SeedAsync(ct);
            LogDemoSeeded();
        }
    }

    private async Task BootstrapAdminAsync(CancellationToken ct)
    {
        var (userName, password) = (seed.Value.Bootstrap.AdminUserName, seed.Value.Bootstrap.AdminPassword);
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrWhiteSpace(password) || await db.Users.AnyAsync(ct))
        {
            return;
        }

        var admin = new User(Guid.NewGuid(), userName, "系统管理员", [Roles.Admin], null);
        admin.SetPasswordHash(hasher.HashPassword(admin, password));
        db.Users.Add(admin);
        await db.SaveChangesAsync(ct);
        LogAdminCreated(userName);
    }

    /// <summary>The 2025–2026 holidays and adjusted working days from the State Council notices, shipped in this assembly.</summary>
    public static IReadOnlyList<CalendarDay> LoadStatutoryCalendar()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Hotline.Core.cn-statutory-calendar.csv")
            ?? throw new InvalidOperationException("The statutory calendar resource is missing from Hotline.Core.");
        using var reader = new StreamReader(stream);
        var days = new List<CalendarDay>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parts = line.Split(',', 3);
            var kind = parts[1].Trim() == "workday" ? CalendarDayKind.Workday : CalendarDayKind.Holiday;
            days.Add(new CalendarDay(DateOnly.ParseExact(parts[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture), kind, parts[2].Trim()));
        }

        return days;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo city, its accounts and orders (password for every demo account: " + DemoPassword + ")")]
    private partial void LogDemoSeeded();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first Admin account {UserName} from Bootstrap:AdminUserName; change its password")]
    private partial void LogAdminCreated(string userName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Encrypted {Count} TOTP secrets that were stored in the clear")]
    private partial void LogSecretsProtected(int count);
}
