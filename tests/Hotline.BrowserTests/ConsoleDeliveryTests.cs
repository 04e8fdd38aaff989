using System.Collections.Concurrent;
using System.Text.Json;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// What a browser downloads to open the console (issue 22, "first load"): the build's published console (trimmed and
/// Brotli-precompressed, ConsoleFiles), not the untrimmed build output (221 requests and 10.5 MB gzip before), and
/// a web app manifest with icons so units can pin it on a phone. Sizes, not times: the times are measured by the
/// firstload benchmark (docs/performance.md).
/// </summary>
public sealed class ConsoleDeliveryTests(ConsoleFixture console)
{
    private const long ColdLoadBudget = 3 * 1024 * 1024;

    [Fact]
    public async Task ColdLoad_Should_TransferTheTrimmedBrotliConsoleUnderThreeMegabytes_When_AnEmptyProfileOpensIt()
    {
        await using var context = await console.NewContextAsync();
        var page = await context.NewPageAsync();
        var responses = new ConcurrentQueue<IResponse>();
        page.Response += (_, response) => responses.Enqueue(response);

        await page.GotoAsync("/");
        await Expect(page.Locator("input#user")).ToBeEnabledAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        long transferred = 0;
        var framework = new List<(string Path, string Encoding)>();
        foreach (var response in responses)
        {
            var sizes = await response.Request.SizesAsync();
            transferred += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            var path = new Uri(response.Url).AbsolutePath;
            if (path.StartsWith("/_framework/", StringComparison.Ordinal) && (path.EndsWith(".wasm", StringComparison.Ordinal) || path.EndsWith(".dat", StringComparison.Ordinal)))
            {
                framework.Add((path, (await response.AllHeadersAsync()).GetValueOrDefault("content-encoding", "identity")));
            }
        }

        framework.ShouldNotBeEmpty();
        framework.Where(f => f.Encoding != "br").ShouldBeEmpty("every framework file is sent precompressed with Brotli");
        // Trimmed: the framework files the console needs, not the ~200 assemblies of the untrimmed build.
        framework.Count.ShouldBeLessThan(80);
        framework.ShouldNotContain(f => f.Path.Contains("System.Private.Xml.", StringComparison.Ordinal));
        transferred.ShouldBeLessThan(ColdLoadBudget, $"{transferred:N0} bytes over {responses.Count} responses");
    }

    [Fact]
    public async Task Manifest_Should_DescribeAnInstallableConsoleWithItsIcons_When_ThePageLinksIt()
    {
        await using var context = await console.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("input#user")).ToBeEnabledAsync();
        var href = await page.Locator("link[rel=manifest]").GetAttributeAsync("href");
        href.ShouldNotBeNull();

        var manifestResponse = await context.APIRequest.GetAsync(href);
        manifestResponse.Status.ShouldBe(200);
        manifestResponse.Headers["content-type"].ShouldStartWith("application/manifest+json");
        using var manifest = JsonDocument.Parse(await manifestResponse.TextAsync());
        var root = manifest.RootElement;
        root.GetProperty("name").GetString().ShouldBe("12345 接诉即办工作台");
        root.GetProperty("display").GetString().ShouldBe("standalone");
        root.GetProperty("lang").GetString().ShouldBe("zh-CN");

        var icons = root.GetProperty("icons").EnumerateArray().ToList();
        icons.Select(i => i.GetProperty("sizes").GetString()).ShouldBeSubsetOf(["192x192", "512x512", "any"]);
        icons.Select(i => i.GetProperty("sizes").GetString()).ShouldContain("192x192");
        icons.Select(i => i.GetProperty("sizes").GetString()).ShouldContain("512x512");
        foreach (var icon in icons)
        {
            var iconResponse = await context.APIRequest.GetAsync(icon.GetProperty("src").GetString()!);
            iconResponse.Status.ShouldBe(200, icon.GetProperty("src").GetString());
            iconResponse.Headers["content-type"].ShouldBe(icon.GetProperty("type").GetString());
            var sizes = icon.GetProperty("sizes").GetString()!;
            if (sizes != "any")
            {
                // A PNG's width and height are in its IHDR chunk, big-endian at bytes 16 and 20.
                var bytes = await iconResponse.BodyAsync();
                var width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
                var height = (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23];
                $"{width}x{height}".ShouldBe(sizes);
            }
        }
    }
}
