using System.Reflection;
using Hotline.Core.Data;
using Hotline.Core.Features.Knowledge.Search;
using Hotline.Domain.Knowledge;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Core.Features.Knowledge;

public static class KnowledgeSetup
{
    /// <summary>The index, its sync and the activity queue exist in every host (handlers take them); only a host that serves searches runs them.</summary>
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(_ => new KnowledgeIndex());
        services.AddSingleton<KnowledgeIndexSync>();
        services.AddSingleton<KnowledgeActivityQueue>();
        return services;
    }

    /// <summary>Builds this node's index at start, keeps it current, and writes search activity (the API host).</summary>
    public static IServiceCollection AddKnowledgeIndexing(this IServiceCollection services)
    {
        services.AddHostedService(sp => sp.GetRequiredService<KnowledgeIndexSync>());
        services.AddHostedService(sp => sp.GetRequiredService<KnowledgeActivityQueue>());
        return services;
    }

    /// <summary>The seed synonym groups (Features/Knowledge/Search/synonyms.txt), put in once when the table is empty.</summary>
    public static async Task SeedSynonymsAsync(HotlineDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.Set<KnowledgeSynonymGroup>().AnyAsync(ct))
        {
            return;
        }

        await InsertSeedSynonymsAsync(db, time, ct);
    }

    /// <summary>
    /// Each seed group has an id derived from its place in the seed, so two nodes starting at once on an empty
    /// table cannot both put the seed in: the second insert collides on the keys and writes nothing.
    /// </summary>
    internal static async Task InsertSeedSynonymsAsync(HotlineDbContext db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var seed = LoadSeedSynonyms();
        for (var i = 0; i < seed.Count; i++)
        {
            db.Set<KnowledgeSynonymGroup>().Add(new KnowledgeSynonymGroup(SeedId(i), seed[i], "system", now));
        }

        KnowledgeChanges.Record(db, null, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var first = SeedId(0);
            if (!await db.Set<KnowledgeSynonymGroup>().AsNoTracking().AnyAsync(g => g.Id == first, ct))
            {
                throw; // Not the other node's seed: a real failure.
            }
        }
    }

    internal static Guid SeedId(int position) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"hotline:knowledge-synonym-seed:{position}")).AsSpan(0, 16));

    public static List<string[]> LoadSeedSynonyms()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Hotline.Core.knowledge-synonyms.txt")
            ?? throw new InvalidOperationException("The seed synonyms are missing from Hotline.Core.");
        using var reader = new StreamReader(stream);
        return SynonymSet.Parse(reader);
    }
}
