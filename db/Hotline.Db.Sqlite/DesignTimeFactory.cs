using Hotline.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hotline.Db.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the model for SQLite without starting a host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<HotlineDbContext>
{
    public HotlineDbContext CreateDbContext(string[] args) =>
        new(DbContextOptionsFactory.Create(DatabaseProvider.Sqlite, "Data Source=design.db"));
}
