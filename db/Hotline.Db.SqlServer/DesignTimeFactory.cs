using Hotline.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hotline.Db.SqlServer;

/// <summary>Lets <c>dotnet ef</c> build the model for SQL Server without starting a host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<HotlineDbContext>
{
    public HotlineDbContext CreateDbContext(string[] args) =>
        new(DbContextOptionsFactory.Create(DatabaseProvider.SqlServer, "Server=localhost;Database=hotline_design;TrustServerCertificate=True"));
}
