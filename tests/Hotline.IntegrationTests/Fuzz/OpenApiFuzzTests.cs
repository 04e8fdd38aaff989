using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Contracts;
using Hotline.Contracts.Auth;
using Hotline.Contracts.Reference;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace Hotline.IntegrationTests.Fuzz;

/// <summary>
/// The fuzz suite of issue 15: reads <c>/openapi/v1.json</c> and, for every POST/PUT/PATCH route and every query
/// parameter of every route, sends generated malformed input as an anonymous caller and as each role, round after
/// round until the time budget is spent. It asserts that nothing answers 5xx and that no error answer (4xx) changed the
/// database (<see cref="DatabaseFingerprint"/>). Seeded: the seed is printed, and <c>HOTLINE_FUZZ_SEED</c> replays a
/// run; <c>HOTLINE_FUZZ_SECONDS</c> sets the budget per provider (default 60 s on SQLite, 40 s on PostgreSQL).
/// Run alone with <c>dotnet test tests/Hotline.IntegrationTests --filter Category=Fuzz</c>.
/// </summary>
[Trait("Category", "Fuzz")]
public abstract class OpenApiFuzzTests(ApiFixture fixture, int defaultSeconds) : ApiTestBase(fixture)
{
    public const string SeedVariable = "HOTLINE_FUZZ_SEED";
    public const string SecondsVariable = "HOTLINE_FUZZ_SECONDS";

    private static readonly string[] Actors = ["anonymous", "agent", "supervisor", "callback", "admin", "water"];

    [Fact]
    public async Task Api_Should_NeverAnswer5xx_NorChangeAnything_When_ItAnswersAnError_ForMalformedInput()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), CultureInfo.InvariantCulture, out var given) ? given : Random.Shared.Next();
        var seconds = int.TryParse(Environment.GetEnvironmentVariable(SecondsVariable), CultureInfo.InvariantCulture, out var s) ? s : defaultSeconds;
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"fuzz on {Fixture.Provider}: {SeedVariable}={seed}, {seconds} s");

        var clients = new Dictionary<string, HttpClient>();
        foreach (var actor in Actors)
        {
            clients[actor] = actor == "anonymous" ? Fixture.AnonymousClient() : await ClientAsync(actor);
        }

        var document = new OpenApiOperations((await clients["anonymous"].GetFromJsonAsync<JsonNode>("/openapi/v1.json", Ct))!);
        var operations = document.All.Where(o => o.Writes || o.Parameters.Any(p => p.In == "query")).OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ToList();
        operations.Count.ShouldBeGreaterThan(40, "the OpenAPI document lists the API's routes");
        var random = new Random(seed);
        var input = new MalformedInput(random, document, await SamplesAsync());

        var log = new ServerErrorLog();
        Fixture.Factory.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        var fingerprint = new DatabaseFingerprint(Fixture.Factory.Services);
        var state = await fingerprint.TakeAsync(Ct);

        // One line per route and kind of failure (the first case that showed it), with how often it happened.
        var findings = new Dictionary<string, (string First, int Count)>(StringComparer.Ordinal);
        void Found(string kind, string line) =>
            findings[kind] = findings.TryGetValue(kind, out var known) ? (known.First, known.Count + 1) : (line, 1);
        var statuses = new SortedDictionary<int, int>();
        var perOperation = new SortedDictionary<string, SortedDictionary<int, int>>(StringComparer.Ordinal);
        var cases = 0;
        var budget = Stopwatch.StartNew();
        var rounds = 0;
        while (budget.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            rounds++;
            foreach (var operation in operations.OrderBy(_ => random.Next()).ToList())
            {
                foreach (var actor in Actors.TakeWhile(_ => budget.Elapsed < TimeSpan.FromSeconds(seconds)))
                {
                    var fuzz = input.Next(operation, actor);
                    using var request = fuzz.ToRequest();
                    using var response = await clients[actor].SendAsync(request, Ct);
                    var status = (int)response.StatusCode;
                    var errors = log.Drain();
                    cases++;
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    var tally = perOperation.TryGetValue(operation.ToString(), out var t) ? t : perOperation[operation.ToString()] = [];
                    tally[status] = tally.GetValueOrDefault(status) + 1;
                    if (status >= 500)
                    {
                        var error = errors.Length > 0 ? errors : await response.Content.ReadAsStringAsync(Ct);
                        Found($"{operation} {status} {error.Split(" at ")[0]}", $"{status}: {fuzz.Describe()} → {error}");
                    }

                    if (operation.Writes)
                    {
                        var after = await fingerprint.TakeAsync(Ct);
                        if (status is >= 400 and < 500 && after != state)
                        {
                            Found($"{operation} {status} changed", $"{status} but the database changed ({fingerprint.Difference(state, after)}): {fuzz.Describe()}");
                        }

                        state = after;
                    }
                    else if (status < 400)
                    {
                        // A read that succeeded may be recorded in the audit trail (a unit opening an order, an export).
                        state = await fingerprint.TakeAsync(Ct);
                    }
                }
            }
        }

        output?.WriteLine($"{cases} cases in {rounds} rounds over {operations.Count} operations, {budget.Elapsed.TotalSeconds:0} s; answers: {string.Join(", ", statuses.Select(p => $"{p.Key}×{p.Value}"))}");
        foreach (var (operation, tally) in perOperation)
        {
            output?.WriteLine($"  {operation}: {string.Join(", ", tally.Select(p => $"{p.Key}×{p.Value}"))}");
        }

        var report = findings.Values.Select(f => $"{f.First} (×{f.Count})").ToList();
        foreach (var line in report)
        {
            output?.WriteLine(line);
        }

        report.ShouldBeEmpty($"replay with {SeedVariable}={seed}; {report.Count} kinds of finding in {cases} cases:\n{string.Join('\n', report.Take(80))}");
    }

    private async Task<FuzzSamples> SamplesAsync()
    {
        // Orders in several states (the demo city adds about forty more), a unit nobody signs in as, and a user of its own
        // for PUT /api/admin/users/{id}, so that a generated change cannot lock the fuzzing roles out.
        var tickets = new List<Guid> { (await RegisterAsync()).Id, (await RegisterAndDispatchAsync()).Id, (await RepliedAsync()).Id };
        using var agent = await ClientAsync("agent");
        var page = await (await agent.GetAsync("/api/tickets?pageSize=100", Ct)).ReadAsync<PagedResult<TicketListItemDto>>();
        tickets.AddRange(page.Items.Select(t => t.Id));
        var units = await (await agent.GetAsync("/api/units", Ct)).ReadAsync<List<UnitDto>>();
        using var admin = await ClientAsync("admin");
        var user = await (await admin.PostAsJsonAsync("/api/admin/users", new CreateUserRequest("fuzz-target", "模糊测试", "Fuzz#2026-target", [Roles.Agent], null), Json.Options, Ct))
            .ReadAsync<UserDto>(System.Net.HttpStatusCode.Created);
        return new FuzzSamples(tickets, units.Where(u => u.Code != "water").Select(u => u.Id).ToList(), user.Id, "HL-FUZZ-0000");
    }

    // Serial, with the intelligence tests: the fuzz starts training jobs, and Hangfire's storage is a process-wide static that a
    // host started beside others may share with one already disposed (IntelligenceCollection).
    [Collection(Intelligence.IntelligenceCollection.Name)]
    public sealed class OnSqlite(FuzzFixture.OnSqlite fixture) : OpenApiFuzzTests(fixture, 60), IClassFixture<FuzzFixture.OnSqlite>;

    [Collection(Intelligence.IntelligenceCollection.Name)]
    public sealed class OnPostgreSql(FuzzFixture.OnPostgreSql fixture) : OpenApiFuzzTests(fixture, 40), IClassFixture<FuzzFixture.OnPostgreSql>;
}

/// <summary>The API with Twilio configured (its REST API on a closed loopback port), so that the webhook routes are live and check signatures.</summary>
public abstract class FuzzFixture(DatabaseProvider provider) : ApiFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Twilio:AccountSid"] = "ACfuzz0123456789abcdef0123456789ab",
        ["Twilio:AuthToken"] = "fuzz-auth-token-0123456789",
        ["Twilio:FromNumber"] = "+861012345",
        ["Twilio:PublicBaseUrl"] = "https://hotline.example.gov.cn",
        ["Twilio:ApiBaseUrl"] = "http://127.0.0.1:9",
    };

    public sealed class OnSqlite() : FuzzFixture(DatabaseProvider.Sqlite);

    public sealed class OnPostgreSql() : FuzzFixture(DatabaseProvider.PostgreSql);
}
