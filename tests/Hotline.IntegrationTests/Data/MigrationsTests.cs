using System.Text;
using Hotline.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Shouldly;

namespace Hotline.IntegrationTests.Data;

/// <summary>The committed migrations match the model on every provider, and the DBA script matches the SQL Server migrations.</summary>
public sealed class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=localhost;Database=hotline_model_check")]
    [InlineData(DatabaseProvider.SqlServer, "Server=localhost;Database=hotline_model_check;TrustServerCertificate=true")]
    public void Model_Should_HaveNoPendingChanges_When_ComparedWithTheCommittedMigrations(DatabaseProvider provider, string connectionString)
    {
        using var db = new HotlineDbContext(DbContextOptionsFactory.Create(provider, connectionString));

        db.Database.GetMigrations().ShouldNotBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse($"{provider}: run `dotnet ef migrations add` for the model change");
    }

    [Fact]
    public void SqlServerScript_Should_MatchTheMigrations_When_GeneratedIdempotently()
    {
        using var db = new HotlineDbContext(DbContextOptionsFactory.Create(DatabaseProvider.SqlServer, "Server=localhost;Database=hotline_script_check;TrustServerCertificate=true"));

        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var committed = File.ReadAllText(Path.Combine(RepositoryRoot(), "db", "sqlserver", "hotline.sql"), Encoding.UTF8);

        Normalise(generated).ShouldBe(Normalise(committed), "db/sqlserver/hotline.sql is stale: regenerate it with `dotnet ef migrations script --idempotent`");
    }

    private static string Normalise(string script) => script.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Hotline.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Hotline.sln not found above " + AppContext.BaseDirectory);
    }
}
