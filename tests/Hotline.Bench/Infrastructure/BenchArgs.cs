using System.Globalization;
using Hotline.Core.Data;

namespace Hotline.Bench.Infrastructure;

/// <summary>The command line: <c>--name value</c> pairs and bare flags, read by the scenarios.</summary>
public sealed class BenchArgs
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);

    public DatabaseProvider Provider => Text("provider", "sqlite").ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "pg" => DatabaseProvider.PostgreSql,
        var other => throw new ArgumentException($"--provider {other}: use sqlite or postgres"),
    };

    public string PostgresServer => Text("postgres", Environment.GetEnvironmentVariable("HOTLINE_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=postgres;Password=hotline-test");

    public bool Keep => Flag("keep");

    public bool Flag(string name) => _values.ContainsKey(name);

    /// <summary>The whole run stops after this (default 20 minutes), so a benchmark never runs away.</summary>
    public TimeSpan TimeLimit => TimeSpan.FromMinutes(Int("minutes", 20));

    public static BenchArgs Parse(IEnumerable<string> args)
    {
        var result = new BenchArgs();
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
                result._values[name] = null;
            }
            else if (name is not null)
            {
                result._values[name] = arg;
                name = null;
            }
            else
            {
                throw new ArgumentException($"unexpected argument {arg}");
            }
        }

        return result;
    }

    public string Text(string name, string fallback) => _values.TryGetValue(name, out var v) && v is not null ? v : fallback;

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var v) && v is not null ? int.Parse(v.Replace("_", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;

    /// <summary>Everything given, for the report's configuration line.</summary>
    public IEnumerable<string> Given => _values.Select(kv => kv.Value is null ? "--" + kv.Key : $"--{kv.Key} {kv.Value}");
}
