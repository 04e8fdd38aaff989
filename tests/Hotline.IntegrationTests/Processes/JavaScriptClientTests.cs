using System.Diagnostics;
using System.Text.Json;
using Shouldly;

using Hotline.TestSupport;

namespace Hotline.IntegrationTests.Processes;

/// <summary>
/// A non-.NET client of the hub: the official JavaScript SignalR client (tests/js-client, installed by the test
/// command with npm) connects over WebSockets to a real API process and must receive TicketChanged within 1 s,
/// with number, status, version and sequence, and nothing about another unit's order.
/// </summary>
public sealed class JavaScriptClientTests
{
    [Fact]
    public async Task TicketChanged_Should_ReachTheOfficialJavaScriptClientWithinOneSecond_When_AnOrderIsDispatchedToItsUnit()
    {
        var ct = TestContext.Current.CancellationToken;
        var script = Path.Combine(RepositoryRoot(), "tests", "js-client");
        File.Exists(Path.Combine(script, "node_modules", "@microsoft", "signalr", "package.json"))
            .ShouldBeTrue($"Run `npm ci` in {script} first (scripts/test.sh does).");
        var data = Path.Combine(Path.GetTempPath(), "hotline-js-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var api = await HostProcess.StartAsync("Hotline.Api", new Dictionary<string, string> { ["Database:DataDirectory"] = data }, ct);

            var info = new ProcessStartInfo("node") { WorkingDirectory = script, RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add("check.mjs");
            info.ArgumentList.Add(api.BaseAddress.ToString().TrimEnd('/'));
            using var node = Process.Start(info)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            var output = await node.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = await node.StandardError.ReadToEndAsync(timeout.Token);
            await node.WaitForExitAsync(timeout.Token);

            var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
            result.GetProperty("ok").GetBoolean().ShouldBeTrue($"{output}\n{errors}\n{api.Output}");
            result.GetProperty("latencyMs").GetInt32().ShouldBeLessThan(1000);
            result.GetProperty("otherUnitLeaked").GetBoolean().ShouldBeFalse();
            result.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ShouldBe(["committedAt", "number", "sequence", "status", "ticketId", "version"]);
            node.ExitCode.ShouldBe(0);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Hotline.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Hotline.sln not found.");
    }
}
