namespace Hotline.Simulator;

/// <summary>
/// The telephony simulator (docs/telephony.md): <c>dotnet run --project tools/Hotline.Simulator -- simulate-call 13800000000</c>
/// plays a citizen's phone against a running API with signed webhooks. Not top-level statements: the API's
/// <c>Program</c> stays the only one in the global namespace for the tests' WebApplicationFactory.
/// </summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => TelephonySimulator.RunAsync(args);
}
