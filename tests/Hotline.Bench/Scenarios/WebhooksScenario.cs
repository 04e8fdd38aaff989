using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Hotline.Bench.Infrastructure;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Webhooks;
using Hotline.Core.Data;

namespace Hotline.Bench.Scenarios;

/// <summary>
/// issue 21 "Measures": order changes (each order registered, then dispatched: two events per order) with five webhook
/// subscribers on 127.0.0.1: three healthy, one slow (it answers after a delay), one down (nothing listens on its port)
/// until every change is made. The API process runs the job server, so it delivers as production's job host does.
/// Measures: intake throughput with the subscribers against the same intake just before with none; each healthy
/// subscriber's commit → receipt latency; order per order (the change log's sequence never goes back along one order's
/// events at one subscriber); duplicates (the same event id twice at one subscriber); and whether the down subscriber,
/// once up, receives everything.
/// </summary>
public sealed class WebhooksScenario : IScenario
{
    public string Name => "webhooks";

    public string Description => "order changes with 5 webhook subscribers (1 slow, 1 down): latency, order, duplicates, catch-up, intake cost";

    public IReadOnlyList<(string Option, string Meaning)> Options =>
    [
        ("--changes N", "order changes with the subscribers (default 10000: N/2 orders registered and dispatched)"),
        ("--concurrency N", "concurrent requests making the changes (default 16)"),
        ("--slow-ms N", "the slow subscriber's delay per event (default 100)"),
    ];

    public async Task<BenchReport> RunAsync(BenchArgs args, CancellationToken ct)
    {
        var changes = args.Int("changes", 10_000);
        var concurrency = args.Int("concurrency", 16);
        var slowMs = args.Int("slow-ms", 100);
        var orders = changes / 2;
        await using var database = await BenchDatabase.CreateAsync(args, ct);
        await using var api = await ApiUnderTest.StartAsync(database, ct, new Dictionary<string, string>
        {
            ["Jobs:RunServerInProcess"] = "true",
            ["Exchange:AllowPrivateTargets"] = "true",
            ["Webhooks:PollInterval"] = "00:00:00.200",
            ["Webhooks:FirstRetryDelay"] = "00:00:05",
            ["Webhooks:MaxRetryDelay"] = "00:00:30",
        });
        using var agent = await api.SignInAsync("agent", ct);
        using var admin = await api.SignInAsync("admin", ct);

        // Warm-up, then the baseline: the same changes with no subscriber (no outbox rows are written then).
        await ChangeManyAsync(agent, "warm", 200, concurrency, ct);
        var cpu = Cpu.Start(api);
        var (baseline, _) = await ChangeManyAsync(agent, "base", orders, concurrency, ct);
        var baselineCpu = cpu.Stop();

        var receivers = new[]
        {
            Receiver.Start("healthy-1", TimeSpan.Zero), Receiver.Start("healthy-2", TimeSpan.Zero), Receiver.Start("healthy-3", TimeSpan.Zero),
            Receiver.Start("slow", TimeSpan.FromMilliseconds(slowMs)), Receiver.Reserve("down"),
        };
        try
        {
            foreach (var receiver in receivers)
            {
                var saved = await admin.PostAsJsonAsync("/api/admin/webhooks", new SaveWebhookRequest($"bench {receiver.Name}", receiver.Url, "bench-secret-0123456789abcdef0123", [], null, true), ApiUnderTest.Json, ct);
                if (!saved.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"subscriber {receiver.Name}: {(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync(ct)}");
                }
            }

            cpu = Cpu.Start(api);
            var (withSubscribers, subjects) = await ChangeManyAsync(agent, "hooks", orders, concurrency, ct);
            var hooksCpu = cpu.Stop();
            var expected = subjects.Count * 2;

            // The healthy ones: everything, in order per order; then the down one comes up and catches up.
            var healthy = receivers.Take(3).ToList();
            var waited = await WaitAsync(() => healthy.All(r => r.Distinct(subjects) >= expected), TimeSpan.FromMinutes(5), ct);
            var down = receivers[4];
            down.Listen();
            var catchUp = Stopwatch.StartNew();
            await WaitAsync(() => down.Distinct(subjects) >= expected, TimeSpan.FromMinutes(3), ct);
            var caughtUp = catchUp.Elapsed;
            await WaitAsync(() => receivers[3].Distinct(subjects) >= expected, TimeSpan.FromMinutes(5), ct);

            var report = new BenchReport("webhooks: order changes with five subscribers")
                .Configure("database", database.Provider == DatabaseProvider.PostgreSql ? "PostgreSQL (loopback, same machine)" : "SQLite (WAL, file in a temp folder)")
                .Configure("API", "Hotline.Api Release process with the job server in process (it delivers the outbox), Kestrel on 127.0.0.1")
                .Configure("changes", $"{expected:N0} with subscribers ({subjects.Count:N0} orders registered, then dispatched), {concurrency} at a time; the baseline: the same {orders:N0} orders just before, no subscriber")
                .Configure("subscribers", $"HttpListener on 127.0.0.1: 3 healthy, 1 slow ({slowMs} ms per event), 1 down (port closed) until the changes are made; every event type; retries 5 s doubling to 30 s")
                .Columns("subscriber", "received", "distinct", "duplicates", "out of order", "p50 s", "p95 s", "p99 s", "max s");
            foreach (var receiver in receivers)
            {
                var latency = receiver.Latencies(subjects);
                report.Row(receiver.Name, receiver.Received(subjects), receiver.Distinct(subjects), receiver.Duplicates(subjects), receiver.OutOfOrder(subjects),
                    latency.Percentile(50) / 1000, latency.Percentile(95) / 1000, latency.Percentile(99) / 1000, latency.Percentile(100) / 1000);
            }

            return report
                .Note($"Intake: {baseline:0} orders/s (registration + dispatch) without subscribers, {withSubscribers:0} with five: {withSubscribers / baseline - 1:+0%;-0%}.")
                .Note($"CPU while the changes were made (2 cores): without subscribers the API {baselineCpu.Api:0.0} s and this process (load generator) {baselineCpu.Bench:0.0} s in {baselineCpu.Wall:0.0} s; with five, the API {hooksCpu.Api:0.0} s (delivery included) and this process (load generator and the five receivers) {hooksCpu.Bench:0.0} s in {hooksCpu.Wall:0.0} s. Per order: API {baselineCpu.Api / orders * 1000:0.00} → {hooksCpu.Api / orders * 1000:0.00} ms, this process {baselineCpu.Bench / orders * 1000:0.00} → {hooksCpu.Bench / orders * 1000:0.00} ms. The whole machine was {baselineCpu.MachineBusy:0%} → {hooksCpu.MachineBusy:0%} busy (every process, the database's included), {baselineCpu.MachineBusy * Environment.ProcessorCount * baselineCpu.Wall / orders * 1000:0.00} → {hooksCpu.MachineBusy * Environment.ProcessorCount * hooksCpu.Wall / orders * 1000:0.00} core-ms per order.")
                .Note($"The healthy subscribers had every event {(waited ? "" : "NOT ")}within the wait; the down subscriber caught up {caughtUp.TotalSeconds:0} s after it came up (the retry delay it was in).")
                .Note("Latency: the event's time (the change's, in its transaction) to its receipt, same machine clock. The down subscriber's latencies include the time it was down.")
                .Note("Targets (issue 21): p99 < 5 s for the healthy ones, in order per order, intake lowered by < 10 %, the down one receives everything after it comes back, no duplicates except retries.");
        }
        finally
        {
            foreach (var receiver in receivers)
            {
                receiver.Dispose();
            }
        }
    }

    /// <summary>CPU seconds of the API process and of this one (load generator, receivers) over a phase, and its wall time.</summary>
    private sealed class Cpu(ApiUnderTest api, TimeSpan apiAt, TimeSpan benchAt, (long Busy, long Total) machineAt, Stopwatch wall)
    {
        public static Cpu Start(ApiUnderTest api) => new(api, api.CpuTime, Process.GetCurrentProcess().TotalProcessorTime, Machine(), Stopwatch.StartNew());

        /// <summary>The API's and this process's CPU seconds, the wall time, and the whole machine's busy share (all processes, the database's included).</summary>
        public (double Api, double Bench, double Wall, double MachineBusy) Stop()
        {
            var machine = Machine();
            var total = machine.Total - machineAt.Total;
            return ((api.CpuTime - apiAt).TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - benchAt).TotalSeconds, wall.Elapsed.TotalSeconds,
                total > 0 ? (double)(machine.Busy - machineAt.Busy) / total : double.NaN);
        }

        /// <summary>Linux /proc/stat's first line: busy and total jiffies of all cores (idle and iowait are not busy).</summary>
        private static (long Busy, long Total) Machine()
        {
            if (!File.Exists("/proc/stat"))
            {
                return (0, 0);
            }

            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
            var total = fields.Sum();
            return (total - fields[3] - fields[4], total);
        }
    }

    private static async Task<bool> WaitAsync(Func<bool> done, TimeSpan limit, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        while (!done())
        {
            if (watch.Elapsed > limit)
            {
                return false;
            }

            await Task.Delay(200, ct);
        }

        return true;
    }

    /// <summary>Registers <paramref name="count"/> orders and dispatches each (two changes per order); orders per second and the orders' numbers.</summary>
    private static async Task<(double Rate, HashSet<string> Numbers)> ChangeManyAsync(HttpClient agent, string run, int count, int concurrency, CancellationToken ct)
    {
        var numbers = new ConcurrentBag<string>();
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var registered = await agent.PostAsJsonAsync("/api/tickets", Request(run, i), ApiUnderTest.Json, ct);
                if (registered.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"registration {i} answered {(int)registered.StatusCode}: {await registered.Content.ReadAsStringAsync(ct)}");
                }

                var ticket = (await registered.Content.ReadFromJsonAsync<TicketDto>(ApiUnderTest.Json, ct))!;
                using var dispatched = await agent.PostAsJsonAsync($"/api/tickets/{ticket.Id}/dispatch", new { }, ApiUnderTest.Json, ct);
                if (!dispatched.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"dispatch {i} answered {(int)dispatched.StatusCode}: {await dispatched.Content.ReadAsStringAsync(ct)}");
                }

                numbers.Add(ticket.Number);
            }
        }));
        return (count / watch.Elapsed.TotalSeconds, numbers.ToHashSet(StringComparer.Ordinal));
    }

    private static RegisterTicketRequest Request(string run, int i) => new(
        Channel.Phone,
        TicketType.Complaint,
        "sw-ts",
        Urgency.Normal,
        new CitizenDto("王女士", "137" + (10_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), false),
        new LocationDto("dc", "dc-dhm", "东华门大街" + i + "号", null, null),
        $"小区停水 {run}-{i}",
        null);

    /// <summary>A subscriber on 127.0.0.1: every event received, with its id, order number, sequence, time and when it came.</summary>
    private sealed class Receiver : IDisposable
    {
        private readonly ConcurrentQueue<(string Id, string Subject, long Sequence, DateTimeOffset Time, DateTimeOffset At)> _events = new();
        private readonly TimeSpan _delay;
        private readonly int _port;
        private HttpListener? _listener;

        private Receiver(string name, int port, TimeSpan delay) => (Name, _port, _delay) = (name, port, delay);

        public string Name { get; }

        public string Url => $"http://127.0.0.1:{_port}/hook/";

        public static Receiver Start(string name, TimeSpan delay)
        {
            var receiver = new Receiver(name, FreePort(), delay);
            receiver.Listen();
            return receiver;
        }

        /// <summary>A subscriber whose port nothing listens on yet: deliveries to it are refused.</summary>
        public static Receiver Reserve(string name) => new(name, FreePort(), TimeSpan.Zero);

        public void Listen()
        {
            _listener = new HttpListener();
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(LoopAsync);
        }

        public int Received(HashSet<string> subjects) => Of(subjects).Count();

        public int Distinct(HashSet<string> subjects) => Of(subjects).Select(e => e.Id).Distinct().Count();

        public int Duplicates(HashSet<string> subjects) => Received(subjects) - Distinct(subjects);

        /// <summary>Events that came after a later one of the same order (by the change log's sequence), counting first receipts only.</summary>
        public int OutOfOrder(HashSet<string> subjects)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var last = new Dictionary<string, long>(StringComparer.Ordinal);
            var wrong = 0;
            foreach (var e in Of(subjects))
            {
                if (!seen.Add(e.Id))
                {
                    continue;
                }

                if (last.TryGetValue(e.Subject, out var before) && e.Sequence < before)
                {
                    wrong++;
                }

                last[e.Subject] = Math.Max(before, e.Sequence);
            }

            return wrong;
        }

        public Latencies Latencies(HashSet<string> subjects)
        {
            var first = Of(subjects).GroupBy(e => e.Id).Select(g => g.First()).ToList();
            var latencies = new Latencies(Math.Max(1, first.Count));
            foreach (var e in first)
            {
                latencies.Add((e.At - e.Time).TotalMilliseconds);
            }

            return latencies;
        }

        public void Dispose()
        {
            try
            {
                _listener?.Stop();
                _listener?.Close();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        private IEnumerable<(string Id, string Subject, long Sequence, DateTimeOffset Time, DateTimeOffset At)> Of(HashSet<string> subjects) =>
            _events.Where(e => subjects.Contains(e.Subject));

        private async Task LoopAsync()
        {
            while (_listener is { IsListening: true } listener)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                _ = Task.Run(async () =>
                {
                    using var reader = new StreamReader(context.Request.InputStream);
                    var body = await reader.ReadToEndAsync();
                    var at = DateTimeOffset.UtcNow;
                    using (var json = JsonDocument.Parse(body))
                    {
                        var root = json.RootElement;
                        _events.Enqueue((root.GetProperty("id").GetString()!, root.GetProperty("subject").GetString()!, long.Parse(root.GetProperty("hotlinesequence").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                            root.GetProperty("time").GetDateTimeOffset(), at));
                    }

                    if (_delay > TimeSpan.Zero)
                    {
                        await Task.Delay(_delay);
                    }

                    context.Response.StatusCode = 200;
                    context.Response.Close();
                });
            }
        }

        private static int FreePort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
    }
}
