using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hotline.Bench.Infrastructure;
using Hotline.Contracts.Intelligence;
using Hotline.Contracts.Reference;
using Hotline.Core.Features.Intelligence;

namespace Hotline.Bench.Scenarios;

/// <summary>
/// issue 17 "classify": k-fold cross-validation of the category model on a CSV of (content, category) messages
/// (default ../shared/data/taidi2020/messages-train.csv, read where it lies, never copied) through the real path: for
/// each fold a fresh database and API process, the categories created by the admin API, the other folds imported
/// with POST /api/admin/history/import, a model trained by POST /api/intelligence/category-models (the job server in
/// the API), and every message of the fold classified with POST /api/intelligence/classify (top-1 against its
/// category: accuracy and macro-F1 over all folds, and the classify latency). Then the scale run: --orders history
/// orders (the messages repeated) imported in one request and trained on, timed, with the API's peak memory.
/// </summary>
public sealed class ClassifyScenario : IScenario
{
    public string Name => "classify";

    public string Description => "category model: k-fold macro-F1 through import → train → classify, classify latency, training time at scale";

    public IReadOnlyList<(string Option, string Meaning)> Options =>
    [
        ("--data PATH", "CSV with a header and the columns content,category (default ../shared/data/taidi2020/messages-train.csv)"),
        ("--folds N", "cross-validation folds (default 5; 0 skips)"),
        ("--orders N", "history orders for the import and training run at scale (default 50000; 0 skips)"),
        ("--words", "train with SmartCn words beside the character n-grams (Intelligence:CategoryModel:UseWords)"),
    ];

    public async Task<BenchReport> RunAsync(BenchArgs args, CancellationToken ct)
    {
        var path = args.Text("data", FindData() ?? throw new InvalidOperationException("messages-train.csv not found: pass --data PATH."));
        var rows = Csv.Read(File.ReadAllText(path)).Skip(1).Where(r => r.Count >= 2 && r[0].Trim().Length > 0).Select(r => (Content: Clip(r[0].Trim()), Label: r[1].Trim())).ToList();
        var labels = rows.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        var codes = labels.Select((l, i) => (l, $"bench-c{i + 1}")).ToDictionary(x => x.l, x => x.Item2);
        var folds = args.Int("folds", 5);
        var orders = args.Int("orders", 50_000);
        var extra = new Dictionary<string, string>
        {
            ["Jobs:RunServerInProcess"] = "true",
            ["Intelligence:CategoryModel:RetrainCron"] = "",
            ["Intelligence:CategoryModel:UseWords"] = args.Given.Contains("--words") ? "true" : "false",
        };

        var report = new BenchReport("classify: category model through import → train → classify")
            .Configure("data", $"{Path.GetFileName(path)}: {rows.Count} messages, {labels.Count} categories ({string.Join("、", labels)})")
            .Configure("features", $"character 1–3-grams{(extra["Intelligence:CategoryModel:UseWords"] == "true" ? " + SmartCn words" : string.Empty)}, TF-IDF over the training vocabulary (terms of ≥ 2 orders), one-versus-all linear SVM over NB-scaled features (SDCA hinge, the categories fitted side by side, softmax at the held-out temperature); 20 % of the imported history held out for the model's own evaluation, the served model trained on all of it")
            .Columns("measure", "value", "goal");

        if (folds > 1)
        {
            var order = Enumerable.Range(0, rows.Count).OrderBy(i => Hash(rows[i].Content)).ToArray();
            var results = new List<(string Actual, string Predicted)>();
            var latency = new Latencies(rows.Count);
            var trainSeconds = new List<double>();
            for (var fold = 0; fold < folds; fold++)
            {
                var test = order.Where((_, i) => i % folds == fold).ToList();
                var train = order.Where((_, i) => i % folds != fold).ToList();
                await using var database = await BenchDatabase.CreateAsync(args, ct);
                await using var api = await ApiUnderTest.StartAsync(database, ct, extra);
                using var admin = await api.SignInAsync("admin", ct);
                using var agent = await api.SignInAsync("agent", ct);
                await CreateCategoriesAsync(admin, codes, ct);
                var imported = await ImportAsync(admin, train.Select(i => Line($"f{fold}-{i}", rows[i].Content, codes[rows[i].Label])), ct);
                var (model, seconds) = await TrainAsync(admin, ct);
                trainSeconds.Add(seconds);
                var byCode = codes.ToDictionary(kv => kv.Value, kv => kv.Key);
                foreach (var i in test)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var response = await agent.PostAsJsonAsync("/api/intelligence/classify", new ClassifyRequest(rows[i].Content, null, null), ApiUnderTest.Json, ct);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Console.Error.WriteLine(api.Output);
                    }

                    var result = await Read<ClassifyResult>(response, HttpStatusCode.OK, ct);
                    latency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    results.Add((rows[i].Label, byCode.GetValueOrDefault(result.Categories[0].Code, result.Categories[0].Code)));
                }

                var foldScore = ModelEvaluator.Evaluate(results.TakeLast(test.Count).ToList());
                var sofar = ModelEvaluator.Evaluate(results);
                Console.Error.WriteLine($"so far: macro-F1 {sofar.MacroF1:0.0000}, accuracy {sofar.Accuracy:0.0000}, classify p50/p95 {latency.Percentile(50):0.0}/{latency.Percentile(95):0.0} ms");
                Console.Error.WriteLine($"fold {fold + 1}/{folds}: imported {imported.Created}, model v{model.Version} held-out macro-F1 {model.Evaluation?.MacroF1:0.0000}, fold macro-F1 {foldScore.MacroF1:0.0000}, trained in {seconds:0.0} s");
            }

            var score = ModelEvaluator.Evaluate(results);
            report.Row($"macro-F1, {folds}-fold cross-validation ({rows.Count} messages)", $"{score.MacroF1:0.0000}", "≥ 0.91")
                .Row("accuracy", $"{score.Accuracy:0.0000}", "–")
                .Row($"classify p50 / p95 / p99 ms (HTTP, one at a time, {latency.Count} requests)", $"{latency.Percentile(50):0.0} / {latency.Percentile(95):0.0} / {latency.Percentile(99):0.0}", "p95 < 15")
                .Row($"training per fold (s, {rows.Count * (folds - 1) / folds} orders)", $"{trainSeconds.Average():0.0}", "–")
                .Note("Per category (cross-validation): " + string.Join("; ", score.PerCategory.Select(c => $"{c.Code} P {c.Precision:0.00} R {c.Recall:0.00} F1 {c.F1:0.00} ({c.Support})")));
        }

        if (orders > 0)
        {
            await using var database = await BenchDatabase.CreateAsync(args, ct);
            await using var api = await ApiUnderTest.StartAsync(database, ct, extra);

            // One request carries the whole import and the training is polled: far beyond the sign-in client's 60 s.
            using var admin = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(30) };
            admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await api.TokenAsync("admin", ct));
            await CreateCategoriesAsync(admin, codes, ct);
            var started = Stopwatch.GetTimestamp();
            var imported = await ImportAsync(admin, Enumerable.Range(0, orders).Select(i => Line($"s-{i}", Clip($"{rows[i % rows.Count].Content} {i / rows.Count}"), codes[rows[i % rows.Count].Label])), ct);
            var importSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var memoryAfterImport = api.PeakMemoryMiB;
            var (model, seconds) = await TrainAsync(admin, ct);
            report.Row($"import of {orders:N0} orders in one request (s)", $"{importSeconds:0.0} ({imported.Created:N0} created, {imported.Errors.Count} errors)", "–")
                .Row($"training on {model.Samples + model.TestSamples:N0} orders (evaluation model on {model.Samples:N0}, served model on all), request → Ready (s)", $"{seconds:0.0}", "< 120")
                .Row("API peak resident memory after the import / after training (MiB)", $"{memoryAfterImport:0} / {api.PeakMemoryMiB:0}", "bounded");
        }

        return report;
    }

    private static string Line(string id, string content, string code) =>
        JsonSerializer.Serialize(new HistoryOrderLine(id, Clip(content), code, null, null, null, null, null, null, null, null), ApiUnderTest.Json);

    /// <summary>An order's content holds at most 4,000 characters (a few messages of the file are longer): the rest is cut, as the console's field would.</summary>
    private static string Clip(string content) => content.Length > 4000 ? content[..4000] : content;

    private static async Task CreateCategoriesAsync(HttpClient admin, Dictionary<string, string> codes, CancellationToken ct)
    {
        foreach (var (name, code) in codes)
        {
            using var response = await admin.PutAsJsonAsync($"/api/categories/{code}", new UpsertCategoryRequest(code, name, []), ApiUnderTest.Json, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"PUT /api/categories/{code} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            }
        }
    }

    /// <summary>One request whose body is written as it is read: the import never sees the whole payload at once.</summary>
    private static async Task<HistoryImportResult> ImportAsync(HttpClient admin, IEnumerable<string> lines, CancellationToken ct)
    {
        using var content = new LinesContent(lines);
        using var response = await admin.PostAsync("/api/admin/history/import", content, ct);
        return await Read<HistoryImportResult>(response, HttpStatusCode.OK, ct);
    }

    private static async Task<(CategoryModelDto Model, double Seconds)> TrainAsync(HttpClient admin, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await admin.PostAsync("/api/intelligence/category-models", null, ct);
        var model = await Read<CategoryModelDto>(response, HttpStatusCode.Accepted, ct);
        while (model.Status == CategoryModelStatus.Training)
        {
            await Task.Delay(250, ct);
            model = (await admin.GetFromJsonAsync<CategoryModelDto>($"/api/intelligence/category-models/{model.Id}", ApiUnderTest.Json, ct))!;
        }

        return model.Status == CategoryModelStatus.Ready
            ? (model, Stopwatch.GetElapsedTime(started).TotalSeconds)
            : throw new InvalidOperationException($"training failed: {model.Error}");
    }

    private static async Task<T> Read<T>(HttpResponseMessage response, HttpStatusCode expected, CancellationToken ct)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }

        return (await response.Content.ReadFromJsonAsync<T>(ApiUnderTest.Json, ct))!;
    }

    private static int Hash(string text) => text.Aggregate(17, (h, c) => unchecked((h * 31) + c));

    private static string? FindData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "taidi2020", "messages-train.csv");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>JSON Lines written to the request stream as they are produced (no Content-Length: chunked).</summary>
    private sealed class LinesContent : HttpContent
    {
        private readonly IEnumerable<string> _lines;

        public LinesContent(IEnumerable<string> lines)
        {
            _lines = lines;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
            foreach (var line in _lines)
            {
                await writer.WriteAsync(line);
                await writer.WriteAsync('\n');
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

/// <summary>RFC 4180: quoted fields with commas, doubled quotes and line breaks.</summary>
internal static class Csv
{
    public static IEnumerable<List<string>> Read(string text)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                yield return row;
                row = [];
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
