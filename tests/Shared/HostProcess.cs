using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Hotline.TestSupport;

/// <summary>
/// A real Hotline.Api or Hotline.Worker process (shared by the integration and browser tests), started from the
/// build output on a free loopback port with its configuration in environment variables, as an operator would
/// run it. Killed (SIGKILL) on dispose.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<(DateTimeOffset At, string Text)> _output = new();

    private HostProcess(Process process, Uri baseAddress, string name)
    {
        _process = process;
        BaseAddress = baseAddress;
        Name = name;
    }

    public Uri BaseAddress { get; }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The CPU time the process has used so far (user and system), robust to other load on the machine.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The process's peak resident memory so far (Linux VmHWM), in MiB; null elsewhere.</summary>
    public double? PeakMemoryMiB =>
        File.Exists($"/proc/{_process.Id}/status")
            ? File.ReadLines($"/proc/{_process.Id}/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
                .Select(l => double.Parse(l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024).FirstOrDefault()
            : null;

    public string Output => string.Join('\n', _output.TakeLast(80).Select(line => line.Text));

    public static async Task<HostProcess> StartAsync(string project, IReadOnlyDictionary<string, string> settings, CancellationToken ct)
    {
        var host = Launch(project, settings);
        await host.WaitReadyAsync(ct);
        return host;
    }

    /// <summary>Starts the host and waits for it to exit by itself (a start that is refused): its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string project, IReadOnlyDictionary<string, string> settings, TimeSpan timeout, CancellationToken ct)
    {
        await using var host = Launch(project, settings);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await host._process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"{project} was still running after {timeout.TotalSeconds:0} s:\n{host.Output}");
        }

        // The output is read asynchronously: WaitForExit() without a timeout waits for the last line.
        host._process.WaitForExit();
        return (host._process.ExitCode, host.Output);
    }

    private static HostProcess Launch(string project, IReadOnlyDictionary<string, string> settings)
    {
        var dll = Locate(project);
        var port = FreePort();
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Hotline.Core.Features.Deadlines"] = "Information";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {project}.");
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"), project);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>
    /// Waits until <paramref name="count"/> output lines that <paramref name="match"/>, received after
    /// <paramref name="after"/>, have come from the hosts together (the last 400 lines of each are kept).
    /// </summary>
    public static async Task WaitForLinesAsync(
        IReadOnlyCollection<HostProcess> hosts,
        Func<string, bool> match,
        DateTimeOffset after,
        int count,
        TimeSpan timeout,
        CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (hosts.Sum(host => host._output.Count(line => line.At > after && match(line.Text))) < count)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                var outputs = string.Join("\n", hosts.Select(h => $"{h.Name}:\n{h.Output}"));
                throw new TimeoutException($"{count} matching lines after {after:O} did not arrive within {timeout}:\n{outputs}");
            }

            await Task.Delay(100, ct);
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; what was not committed is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue((DateTimeOffset.UtcNow, line));
        while (_output.Count > 400)
        {
            _output.TryDequeue(out _);
        }
    }

    private async Task WaitReadyAsync(CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                var response = await client.GetAsync("/health/ready", ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Listening but still starting (migrating, seeding) on a busy machine: ask again.
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException($"{Name} was not ready within 90 s:\n{Output}");
    }

    /// <summary>The host's build output beside this test's own configuration (Debug or Release).</summary>
    private static string Locate(string project)
    {
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testDirectory.Parent!.Name;
        var dll = Path.Combine(RepositoryRoot(), project, "bin", configuration, testDirectory.Name, project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build {project} first: {dll} is missing.", dll);
    }

    /// <summary>The folder holding Hotline.sln, above the test's build output.</summary>
    public static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Hotline.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("Hotline.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
