using Hotline.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hotline.Db.PostgreSql;

/// <summary>Lets <c>dotnet ef</c> build the model for PostgreSQL without starting a host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<HotlineDbContext>
{
    public HotlineDbContext CreateDbContext(string[] args) =>
        new(DbContextOptionsFactory.Create(DatabaseProvider.PostgreSql, "Host=localhost;Database=hotline_design"));
}
