using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Data;

/// <summary>Configures a <see cref="HotlineDbContext"/> for one provider; used by the hosts, the migration projects and the tests.</summary>
public static class DbContextOptionsFactory
{
    public static DbContextOptions<HotlineDbContext> Create(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<HotlineDbContext>();
        Configure(builder, provider, connectionString);
        return builder.Options;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        var migrations = DatabaseOptions.MigrationsAssembly(provider);
        builder.AddInterceptors(Features.Kpis.Counts.KpiCountsInterceptor.Instance);
        return provider switch
        {
            DatabaseProvider.PostgreSql => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(migrations)),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(migrations)),
            _ => builder.AddInterceptors(SqliteBusyTimeout.Instance).UseSqlite(connectionString, o => o.MigrationsAssembly(migrations)),
        };
    }
}
