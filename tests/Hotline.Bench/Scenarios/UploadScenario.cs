using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hotline.Bench.Infrastructure;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;

namespace Hotline.Bench.Scenarios;

/// <summary>
/// issue 20 "upload": files sent to orders through the real API process (multipart read part by part, spooled to disk
/// while hashed, sniffed, stored content-addressed in the file-system store, row committed). Each file is generated as it
/// is sent (distinct pseudo-random bytes behind a PDF header, so nothing is deduplicated and nothing is held in this
/// process either); the API's peak resident memory (VmHWM) is read after a warm-up and after each level: its growth is
/// what a buffered upload would show as the files' total size.
/// </summary>
public sealed class UploadScenario : IScenario
{
    public string Name => "upload";

    public string Description => "attachment uploads: MB/s, latency and the API's peak memory growth (streaming, not buffering)";

    public IReadOnlyList<(string Option, string Meaning)> Options =>
    [
        ("--files N", "uploads per level (default 200)"),
        ("--sizes LIST", "comma-separated file sizes in MB, one level each (default 5,10)"),
        ("--concurrency N", "parallel uploads (default 8)"),
    ];

    public async Task<BenchReport> RunAsync(BenchArgs args, CancellationToken ct)
    {
        var files = args.Int("files", 200);
        var sizes = args.Text("sizes", "5,10").Split(',').Select(int.Parse).ToArray();
        var concurrency = args.Int("concurrency", 8);

        await using var database = await BenchDatabase.CreateAsync(args, ct);
        await using var api = await ApiUnderTest.StartAsync(database, ct, new Dictionary<string, string>
        {
            ["Attachments:MaxFileBytes"] = (Math.Max(10, sizes.Max()) * 1024L * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Attachments:MaxFilesPerOrder"] = "1000",
        });
        using var agent = await api.SignInAsync("agent", ct);
        agent.Timeout = TimeSpan.FromMinutes(5);

        // One order per 100 files (the per-order limit is raised above), registered before anything is timed.
        var orders = new List<Guid>();
        for (var i = 0; i < Math.Max(1, (files * (sizes.Length + 1)) / 100 + 1); i++)
        {
            orders.Add(await RegisterAsync(agent, i, ct));
        }

        // Warm-up: JIT, the multipart reader, the store's folders.
        await UploadManyAsync(agent, orders, 16, 1, concurrency, seed: 1, ct);
        var baseline = api.PeakMemoryMiB;

        var report = new BenchReport("upload: attachments through the HTTP stack")
            .Configure("database", database.Provider == DatabaseProvider.PostgreSql ? "PostgreSQL (loopback, same machine)" : "SQLite (WAL, file in a temp folder)")
            .Configure("store", "file system (Attachments:Directory in the benchmark's temp folder), spool on the same disk")
            .Configure("API", "Hotline.Api Release process, Kestrel on 127.0.0.1, Production settings, warning-level logs, no job server")
            .Configure("load", $"{files} POST /api/tickets/{{id}}/attachments per level, one file each, {concurrency} in parallel, from one HttpClient in this process (same 2 cores)")
            .Configure("API peak memory after warm-up", $"{baseline:0} MiB (VmHWM)")
            .Columns("file size", "files", "total MB", "MB/s", "files/s", "p50 ms", "p95 ms", "API peak MiB", "growth over warm-up MiB");

        var seed = 100;
        foreach (var size in sizes)
        {
            var (elapsed, latency) = await UploadManyAsync(agent, orders, files, size, concurrency, seed += 10_000, ct);
            var peak = api.PeakMemoryMiB;
            var total = (double)files * size;
            report.Row($"{size} MB", files, total, total / elapsed.TotalSeconds, files / elapsed.TotalSeconds, latency.Percentile(50), latency.Percentile(95), peak ?? double.NaN, (peak - baseline) ?? double.NaN);
            Console.Error.WriteLine($"{size} MB × {files}: {total / elapsed.TotalSeconds:0.0} MB/s, peak {peak:0} MiB");
        }

        return report.Note($"Target (issue 20): with 10 MB files, {concurrency} in parallel, the server's memory grows by less than 50 MB. A buffered upload would hold "
            + $"{concurrency} × the file size at once ({concurrency * sizes.Max()} MB at the largest level).");
    }

    private static async Task<(TimeSpan Elapsed, Latencies Latency)> UploadManyAsync(
        HttpClient agent, IReadOnlyList<Guid> orders, int count, int sizeMb, int concurrency, int seed, CancellationToken ct)
    {
        var latency = new Latencies(count);
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var order = orders[(seed + i) / 100 % orders.Count];
                using var form = new MultipartFormDataContent();
                var part = new StreamContent(new GeneratedPdf(sizeMb * 1024L * 1024, seed + i), 81920);
                part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                form.Add(part, "file", $"报告-{seed + i}.pdf");
                var started = Stopwatch.GetTimestamp();
                using var response = await agent.PostAsync($"/api/tickets/{order}/attachments", form, ct);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"upload {i} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                }

                latency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        return (watch.Elapsed, latency);
    }

    private static async Task<Guid> RegisterAsync(HttpClient agent, int i, CancellationToken ct)
    {
        var request = new RegisterTicketRequest(Channel.Phone, TicketType.Complaint, "sw-ts", Urgency.Normal,
            new CitizenDto("王女士", "1380000" + (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), false),
            new LocationDto("dc", "dc-dhm", "东华门大街" + i + "号", null, null), $"上传压测工单 {i}", null);
        using var response = await agent.PostAsJsonAsync("/api/tickets", request, ApiUnderTest.Json, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ApiUnderTest.Json, ct)).GetProperty("id").GetGuid();
    }

    /// <summary>A "PDF" of <c>length</c> bytes made while it is read: the magic number, then xorshift bytes of its seed.</summary>
    private sealed class GeneratedPdf(long length, int seed) : Stream
    {
        private static readonly byte[] Header = "%PDF-1.7\n"u8.ToArray();
        private long _position;
        private ulong _state = (ulong)seed * 0x9E3779B97F4A7C15UL | 1;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var k = 0; k < n; k++)
            {
                var at = _position + k;
                if (at < Header.Length)
                {
                    buffer[offset + k] = Header[at];
                    continue;
                }

                _state ^= _state << 13;
                _state ^= _state >> 7;
                _state ^= _state << 17;
                buffer[offset + k] = (byte)_state;
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
