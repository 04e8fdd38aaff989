using System.Diagnostics;
using Hotline.Bench.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Bench.Scenarios;

/// <summary>
/// issue 22 "first load": the console as a running Hotline serves it (by default the README's first command,
/// <c>dotnet run --project Hotline.Api</c>, on http://localhost:5080), opened in Debian's Chromium. A cold load is a
/// fresh browser profile (no HTTP cache, no Cache Storage): navigation to the sign-in form ready for typing, with
/// every byte the network transferred (compressed bodies plus headers). A warm load is the same profile opened again
/// in a new tab. Each is repeated and the median reported.
/// </summary>
public sealed class FirstLoadScenario : IScenario
{
    private const string ChromiumPath = "/usr/bin/chromium";

    public string Name => "firstload";

    public string Description => "the console's cold and warm load in Chromium, with the bytes transferred";

    public IReadOnlyList<(string Option, string Meaning)> Options =>
    [
        ("--url URL", "the running Hotline (default http://localhost:5080, the README's first command)"),
        ("--runs N", "cold and warm loads each (default 5)"),
    ];

    public async Task<BenchReport> RunAsync(BenchArgs args, CancellationToken ct)
    {
        var url = new Uri(args.Text("url", "http://localhost:5080"));
        var runs = Math.Max(1, args.Int("runs", 5));
        if (!url.IsLoopback)
        {
            throw new ArgumentException($"--url {url}: benchmarks talk only to the loopback interface");
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost"],
        });

        var cold = new List<Load>();
        var warm = new List<Load>();
        for (var run = 0; run < runs; run++)
        {
            // A new context is a new profile: nothing cached from the run before.
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", TimezoneId = "Asia/Shanghai" });
            cold.Add(await LoadAsync(context, url, ct));
            warm.Add(await LoadAsync(context, url, ct));
        }

        var first = cold[0];
        var report = new BenchReport("firstload: the console's first load")
            .Configure("url", url)
            .Configure("browser", $"Chromium {browser.Version}, headless, loopback")
            .Configure("measured", "navigation start → the sign-in form's user name field visible and enabled (Blazor booted and rendered)")
            .Configure("bytes", "every response of the load: encoded (compressed) body + headers, as Chromium received them")
            .Columns("load", "runs", "median ms", "min ms", "max ms", "last byte ms (median)", "requests", "transferred", "target");
        report.Row("cold (empty profile)", runs, Median(cold, l => l.Milliseconds), cold.Min(l => l.Milliseconds).ToString("0"), cold.Max(l => l.Milliseconds).ToString("0"), Median(cold, l => l.NetworkDone), first.Requests, Size(first.Bytes), "< 2,000 ms, < 3 MB");
        report.Row("warm (same profile, new tab)", runs, Median(warm, l => l.Milliseconds), warm.Min(l => l.Milliseconds).ToString("0"), warm.Max(l => l.Milliseconds).ToString("0"), Median(warm, l => l.NetworkDone), warm[0].Requests, Size(warm[0].Bytes), "< 1,000 ms");
        report.Note("Largest responses of the first cold load (encoded size, content-encoding):");
        foreach (var (path, bytes, encoding) in first.Largest)
        {
            report.Note($"- `{path}` {Size(bytes)} {encoding}");
        }

        return report;
    }

    private static async Task<Load> LoadAsync(IBrowserContext context, Uri url, CancellationToken ct)
    {
        var page = await context.NewPageAsync();
        var responses = new List<IResponse>();
        page.Response += (_, response) => responses.Add(response);
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(url.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        var user = page.Locator("input#user");
        await user.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 60_000 });
        await Assertions.Expect(user).ToBeEnabledAsync(new LocatorAssertionsToBeEnabledOptions { Timeout = 60_000 });
        var elapsed = clock.Elapsed.TotalMilliseconds;
        // When the last resource of the load arrived (the page's own clock, from navigation start): the rest is the
        // runtime's start and the first render, on the browser's CPU.
        var networkDone = await page.EvaluateAsync<double>("() => Math.max(0, ...performance.getEntriesByType('resource').map(e => e.responseEnd))");
        // Responses still arriving after the form is ready (none are expected) are waited for and counted.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        ct.ThrowIfCancellationRequested();

        long total = 0;
        var sizes = new List<(string, long, string)>();
        foreach (var response in responses.ToList())
        {
            var size = await response.Request.SizesAsync();
            var bytes = (long)size.ResponseBodySize + size.ResponseHeadersSize;
            total += bytes;
            var headers = await response.AllHeadersAsync();
            sizes.Add((new Uri(response.Url).AbsolutePath, bytes, headers.GetValueOrDefault("content-encoding", "identity")));
        }

        await page.CloseAsync();
        return new Load(elapsed, networkDone, responses.Count, total, [.. sizes.OrderByDescending(s => s.Item2).Take(8)]);
    }

    private static string Median(List<Load> loads, Func<Load, double> measure)
    {
        var sorted = loads.Select(measure).Order().ToList();
        return sorted[sorted.Count / 2].ToString("0");
    }

    private static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes / 1048576.0:0.00} MB" : $"{bytes / 1024.0:0} KB";

    private sealed record Load(double Milliseconds, double NetworkDone, int Requests, long Bytes, IReadOnlyList<(string Path, long Bytes, string Encoding)> Largest);
}
