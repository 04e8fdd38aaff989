using System.Diagnostics;
using Hotline.TestSupport;

namespace Hotline.IntegrationTests.Attachments;

/// <summary>
/// The npm package s3rver (tests/s3, installed by scripts/test.sh with <c>npm ci</c>) on 127.0.0.1 and a free port, with
/// one bucket and a folder of its own: a real S3 wire protocol for the S3 attachment store, no cloud account.
/// </summary>
public sealed class S3rver : IAsyncDisposable
{
    public const string Bucket = "hotline-test";

    /// <summary>s3rver's fixed development credentials.</summary>
    public const string AccessKey = "S3RVER";

    private readonly Process _process;
    private readonly string _directory;

    private S3rver(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Url = $"http://127.0.0.1:{port}";
    }

    public string Url { get; }

    public static async Task<S3rver> StartAsync(CancellationToken ct)
    {
        var folder = Path.Combine(HostProcess.RepositoryRoot(), "tests", "s3");
        if (!File.Exists(Path.Combine(folder, "node_modules", "s3rver", "package.json")))
        {
            throw new InvalidOperationException($"Run `npm ci` in {folder} first (scripts/test.sh does).");
        }

        var directory = Path.Combine(Path.GetTempPath(), "hotline-s3rver-" + Guid.NewGuid().ToString("N"));
        var port = HostProcess.FreePort();
        var info = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "serve.mjs", port.ToString(System.Globalization.CultureInfo.InvariantCulture), directory, Bucket })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start.");
        var server = new S3rver(process, directory, port);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.Trim() == "ready")
                {
                    return server;
                }
            }

            throw new InvalidOperationException("s3rver exited before it listened: " + await process.StandardError.ReadToEndAsync(ct));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
