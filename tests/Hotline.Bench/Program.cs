using Hotline.Bench.Infrastructure;
using Hotline.Bench.Scenarios;

// dotnet run -c Release --project tests/Hotline.Bench -- <scenario> [--provider sqlite|postgres] [options]
// Each scenario is one class; add a new one to this list.
IScenario[] scenarios = [new IntakeScenario(), new LiveScenario(), new DeadlinesScenario(), new MeasuresScenario(), new KnowledgeScenario(), new ClassifyScenario(), new SimilarScenario(), new FirstLoadScenario(), new CallBurstScenario(), new WebhooksScenario(), new UploadScenario(), new AuditScenario()];

if (args.Length == 0 || args[0] is "-h" or "--help" || scenarios.All(s => s.Name != args[0]))
{
    Console.WriteLine("Hotline benchmarks (docs/performance.md)");
    Console.WriteLine("usage: dotnet run -c Release --project tests/Hotline.Bench -- <scenario> [--provider sqlite|postgres] [options]");
    Console.WriteLine();
    foreach (var s in scenarios)
    {
        Console.WriteLine($"  {s.Name,-10} {s.Description}");
        foreach (var (option, meaning) in s.Options)
        {
            Console.WriteLine($"      {option,-24} {meaning}");
        }
    }

    Console.WriteLine();
    Console.WriteLine("  common options: --provider sqlite|postgres (default sqlite); --postgres \"<connection string>\"");
    Console.WriteLine("                  (default: HOTLINE_TEST_POSTGRES or Host=127.0.0.1;Username=postgres); --keep (keep the database)");
    return args.Length == 0 || args[0] is "-h" or "--help" ? 0 : 2;
}

var scenario = scenarios.Single(s => s.Name == args[0]);
var options = BenchArgs.Parse(args.Skip(1));
using var cancel = new CancellationTokenSource(options.TimeLimit);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var report = await scenario.RunAsync(options, cancel.Token);
    report.Print(Console.Out, $"dotnet run -c Release --project tests/Hotline.Bench -- {string.Join(' ', args)}");
    return 0;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine($"stopped: the run passed its time limit ({options.TimeLimit}) or was interrupted.");
    return 1;
}
