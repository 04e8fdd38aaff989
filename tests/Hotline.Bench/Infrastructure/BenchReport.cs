using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Hotline.Bench.Infrastructure;

/// <summary>What a scenario prints: the machine, the commit, the configuration and a table of figures (Markdown).</summary>
public sealed class BenchReport(string scenario)
{
    private readonly List<(string Key, string Value)> _configuration = [];
    private readonly List<string[]> _rows = [];
    private readonly List<string> _notes = [];
    private string[] _header = [];

    public BenchReport Configure(string key, object value)
    {
        _configuration.Add((key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
        return this;
    }

    public BenchReport Columns(params string[] header)
    {
        _header = header;
        return this;
    }

    public BenchReport Row(params object[] cells)
    {
        _rows.Add(cells.Select(c => c switch
        {
            double d => d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan t => t.TotalMilliseconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
            _ => Convert.ToString(c, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        }).ToArray());
        return this;
    }

    public BenchReport Note(string note)
    {
        _notes.Add(note);
        return this;
    }

    public void Print(TextWriter output, string command)
    {
        output.WriteLine();
        output.WriteLine($"## {scenario}");
        output.WriteLine();
        output.WriteLine($"command: `{command}`");
        output.WriteLine();
        output.WriteLine("| machine | |");
        output.WriteLine("|---|---|");
        foreach (var (key, value) in Machine())
        {
            output.WriteLine($"| {key} | {value} |");
        }

        foreach (var (key, value) in _configuration)
        {
            output.WriteLine($"| {key} | {value} |");
        }

        output.WriteLine();
        output.WriteLine("| " + string.Join(" | ", _header) + " |");
        output.WriteLine("|" + string.Concat(_header.Select(_ => "---|")));
        foreach (var row in _rows)
        {
            output.WriteLine("| " + string.Join(" | ", row) + " |");
        }

        foreach (var note in _notes)
        {
            output.WriteLine();
            output.WriteLine(note);
        }
    }

    private static IEnumerable<(string, string)> Machine()
    {
        yield return ("date (UTC)", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        yield return ("commit", Git("rev-parse --short HEAD") + (Git("status --porcelain --untracked-files=no").Length > 0 ? " (with uncommitted changes)" : string.Empty));
        yield return ("cpu", $"{CpuModel()} × {Environment.ProcessorCount} logical");
        yield return ("memory", $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024.0):0.0} GiB");
        yield return ("os", RuntimeInformation.OSDescription);
        yield return (".NET", RuntimeInformation.FrameworkDescription);
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static string Git(string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var text = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? text : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
