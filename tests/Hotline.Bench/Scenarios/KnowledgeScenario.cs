using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hotline.Bench.Infrastructure;
using Hotline.Contracts.Knowledge;
using Hotline.Core.Features.Knowledge.Search;
using Hotline.TestSupport;

namespace Hotline.Bench.Scenarios;

/// <summary>
/// issue 16 "knowledge": imports ../shared/data/knowledge/articles.jsonl through the real import API, runs the
/// development queries through the real search API (top-1 and top-3 hit rates), then grows the base to
/// --articles generated articles (sentences of the real ones recombined, imported in batches) and measures search
/// latency at 8 concurrent searches; the index rebuild of that many articles is timed on the index itself.
/// </summary>
public sealed class KnowledgeScenario : IScenario
{
    public string Name => "knowledge";

    public string Description => "knowledge search accuracy on the dev queries, latency at 8 concurrent searches, index rebuild time";

    public IReadOnlyList<(string Option, string Meaning)> Options =>
    [
        ("--articles N", "generated articles for latency and rebuild (default 10000)"),
        ("--searches N", "searches in the latency run (default 4000)"),
    ];

    public async Task<BenchReport> RunAsync(BenchArgs args, CancellationToken ct)
    {
        var folder = KnowledgeData.Folder() ?? throw new InvalidOperationException(KnowledgeData.SkipReason);
        var total = args.Int("articles", 10_000);
        var searches = args.Int("searches", 4000);
        var articles = File.ReadAllLines(Path.Combine(folder, "articles.jsonl")).Where(l => l.Length > 0).ToList();
        var queries = File.ReadAllLines(Path.Combine(folder, "dev-queries.jsonl")).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        await using var database = await BenchDatabase.CreateAsync(args, ct);
        await using var api = await ApiUnderTest.StartAsync(database, ct);
        using var kb = await api.SignInAsync("kb", ct);
        using var agent = await api.SignInAsync("agent", ct);

        var imported = await ImportAsync(kb, string.Join('\n', articles), ct);
        var (top1, top3, misses) = await AccuracyAsync(agent, queries, ct);
        Console.Error.WriteLine($"160 articles: top-1 {top1:P1}, top-3 {top3:P1}; importing {total - articles.Count:N0} generated");

        var generated = Generate(articles, total - articles.Count);
        for (var i = 0; i < generated.Count; i += 400)
        {
            await ImportAsync(kb, string.Join('\n', generated.Skip(i).Take(400)), ct);
        }

        var (top1Large, top3Large, _) = await AccuracyAsync(agent, queries, ct);
        var latency = await LatencyAsync(agent, queries.Select(q => q.GetProperty("query").GetString()!).ToList(), searches, 8, ct);
        var rebuild = RebuildSeconds(articles.Concat(generated).ToList());

        return new BenchReport("knowledge: accuracy, latency, rebuild")
            .Configure("database", database.Provider.ToString())
            .Configure("API", "Hotline.Api Release process on 127.0.0.1, searches as the demo agent (all audiences)")
            .Configure("import", $"{imported.Created} created, {imported.Errors.Count} errors from articles.jsonl; then {generated.Count:N0} generated")
            .Columns("measure", "value", "goal")
            .Row($"top-1 ({queries.Count} dev queries, 160 articles)", $"{top1:P1}", "≥ 85 %")
            .Row($"top-3 ({queries.Count} dev queries, 160 articles)", $"{top3:P1}", "≥ 95 %")
            .Row($"top-1 / top-3 among {total:N0} articles", $"{top1Large:P1} / {top3Large:P1}", "–")
            .Row($"search p50 / p95 / p99 ms, 8 concurrent, {total:N0} articles", $"{latency.Percentile(50):0.0} / {latency.Percentile(95):0.0} / {latency.Percentile(99):0.0}", "p95 < 20")
            .Row($"index rebuild of {total:N0} articles (s)", $"{rebuild:0.00}", "< 10")
            .Note("Top-1 misses: " + (misses.Count == 0 ? "none" : string.Join("; ", misses)));
    }

    private static async Task<ImportResult> ImportAsync(HttpClient kb, string payload, CancellationToken ct)
    {
        using var content = new StringContent(payload, Encoding.UTF8, "application/x-ndjson");
        using var response = await kb.PostAsync("/api/knowledge/import", content, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"import answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }

        return (await response.Content.ReadFromJsonAsync<ImportResult>(ApiUnderTest.Json, ct))!;
    }

    private static async Task<(double Top1, double Top3, List<string> Misses)> AccuracyAsync(HttpClient agent, List<JsonElement> queries, CancellationToken ct)
    {
        int top1 = 0, top3 = 0;
        var misses = new List<string>();
        foreach (var q in queries)
        {
            var text = q.GetProperty("query").GetString()!;
            var expected = q.GetProperty("expected").EnumerateArray().Select(e => e.GetString()).ToHashSet();
            var result = (await agent.GetFromJsonAsync<KnowledgeSearchResult>($"/api/knowledge/search?q={Uri.EscapeDataString(text)}&top=3", ApiUnderTest.Json, ct))!;
            var ids = result.Items.Select(i => i.ExternalId).ToList();
            top1 += ids.Take(1).Any(expected.Contains) ? 1 : 0;
            top3 += ids.Any(expected.Contains) ? 1 : 0;
            if (!ids.Take(1).Any(expected.Contains))
            {
                misses.Add($"{text} → {ids.FirstOrDefault()} (want {string.Join(',', expected)})");
            }
        }

        return ((double)top1 / queries.Count, (double)top3 / queries.Count, misses);
    }

    private static async Task<Latencies> LatencyAsync(HttpClient agent, List<string> queries, int count, int concurrency, CancellationToken ct)
    {
        var latency = new Latencies(count);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await agent.GetAsync($"/api/knowledge/search?q={Uri.EscapeDataString(queries[i % queries.Count])}&top=10", ct);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync(ct);
                latency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        return latency;
    }

    /// <summary>Articles made of the real ones' sentences, shuffled across topics with a fixed seed, each with a new external id.</summary>
    private static List<string> Generate(List<string> articles, int count)
    {
        var parsed = articles.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var sentences = parsed.SelectMany(a => a.GetProperty("body").GetString()!.Split('。', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var random = new Random(16);
        var lines = new List<string>(Math.Max(0, count));
        for (var i = 0; i < count; i++)
        {
            var source = parsed[random.Next(parsed.Count)];
            var body = string.Join('。', Enumerable.Range(0, 4).Select(_ => sentences[random.Next(sentences.Count)])) + "。";
            var aside = sentences[random.Next(sentences.Count)];
            var keywords = source.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()!).OrderBy(_ => random.Next()).Take(3).ToList();
            lines.Add(JsonSerializer.Serialize(new
            {
                externalId = $"GEN{i:D5}",
                title = $"{source.GetProperty("title").GetString()}（{aside[..Math.Min(8, aside.Length)]}）",
                body,
                category = source.GetProperty("category").GetString(),
                keywords,
                audience = "public",
            }));
        }

        return lines;
    }

    private static double RebuildSeconds(List<string> lines)
    {
        var articles = lines.Select(l => JsonDocument.Parse(l).RootElement).Select(a => new IndexedArticle(
            Guid.NewGuid(), a.GetProperty("externalId").GetString(), a.GetProperty("title").GetString()!, a.GetProperty("body").GetString()!,
            a.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()!).ToList(), [], [], [a.GetProperty("category").GetString()!],
            KnowledgeAudience.Public, null, null, null)).ToList();
        using var index = new KnowledgeIndex();
        index.Rebuild(articles.Take(200));
        var watch = Stopwatch.StartNew();
        index.Rebuild(articles);
        return watch.Elapsed.TotalSeconds;
    }
}
