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
        ("--in-process", "no API: the index alone, one search at a time and 8 at once (what a search costs)"),
    ];

    public async Task<BenchReport> RunAsync(BenchArgs args, CancellationToken ct)
    {
        var folder = KnowledgeData.Folder() ?? throw new InvalidOperationException(KnowledgeData.SkipReason);
        var total = args.Int("articles", 10_000);
        var searches = args.Int("searches", 4000);
        var articles = File.ReadAllLines(Path.Combine(folder, "articles.jsonl")).Where(l => l.Length > 0).ToList();
        var queries = File.ReadAllLines(Path.Combine(folder, "dev-queries.jsonl")).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        if (args.Flag("in-process"))
        {
            return InProcess(articles, queries, total, searches);
        }

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
        var cpu = api.CpuTime;
        var latency = await LatencyAsync(agent, queries.Select(q => q.GetProperty("query").GetString()!).ToList(), searches, 8, ct);
        var cpuPerSearch = (api.CpuTime - cpu).TotalMilliseconds / searches;
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
            .Row("API CPU ms per search (the API process's CPU time over the latency run / searches)", $"{cpuPerSearch:0.00}", "–")
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

    /// <summary>
    /// The index on its own (no HTTP, no database, no synonyms from the database): the cost of one search on one
    /// thread, then 8 searches at once, so the API figures can be read as search cost plus queueing plus HTTP.
    /// </summary>
    private static BenchReport InProcess(List<string> articles, List<JsonElement> queries, int total, int searches)
    {
        var lines = articles.Concat(Generate(articles, total - articles.Count)).ToList();
        using var index = new KnowledgeIndex();
        index.Rebuild(ToIndexed(lines));
        var texts = queries.Select(q => q.GetProperty("query").GetString()!).ToList();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 200; i++)
        {
            index.Search(new IndexQuery(texts[i % texts.Count], 10, now));
        }

        var single = new Latencies(searches);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < searches; i++)
        {
            var started = Stopwatch.GetTimestamp();
            index.Search(new IndexQuery(texts[i % texts.Count], 10, now));
            single.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var cpuPerSearch = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / searches;
        var concurrent = new Latencies(searches);
        var next = -1;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < searches)
            {
                var started = Stopwatch.GetTimestamp();
                index.Search(new IndexQuery(texts[i % texts.Count], 10, now));
                concurrent.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });

        return new BenchReport("knowledge: the index in-process")
            .Configure("index", $"{index.Count:N0} articles (articles.jsonl and generated), no synonyms")
            .Columns("measure", "value")
            .Row("one at a time: mean / p95 ms", $"{single.Mean():0.00} / {single.Percentile(95):0.00}")
            .Row("one at a time: CPU ms per search (the process's, so including its GC)", $"{cpuPerSearch:0.00}")
            .Row("8 at once: p50 / p95 ms", $"{concurrent.Percentile(50):0.00} / {concurrent.Percentile(95):0.00}");
    }

    private static List<IndexedArticle> ToIndexed(List<string> lines) =>
        lines.Select(l => JsonDocument.Parse(l).RootElement).Select(a => new IndexedArticle(
            Guid.NewGuid(), a.GetProperty("externalId").GetString(), a.GetProperty("title").GetString()!, a.GetProperty("body").GetString()!,
            a.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()!).ToList(), [], [], [a.GetProperty("category").GetString()!],
            KnowledgeAudience.Public, null, null, null)).ToList();

    private static double RebuildSeconds(List<string> lines)
    {
        var articles = ToIndexed(lines);
        using var index = new KnowledgeIndex();
        index.Rebuild(articles.Take(200));
        var watch = Stopwatch.StartNew();
        index.Rebuild(articles);
        return watch.Elapsed.TotalSeconds;
    }
}
