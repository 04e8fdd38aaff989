namespace Hotline.Bench.Infrastructure;

/// <summary>One benchmark scenario (measures; later intake, live, deadlines): prepares its data, measures, reports.</summary>
public interface IScenario
{
    string Name { get; }

    string Description { get; }

    IReadOnlyList<(string Option, string Meaning)> Options { get; }

    Task<BenchReport> RunAsync(BenchArgs args, CancellationToken ct);
}
