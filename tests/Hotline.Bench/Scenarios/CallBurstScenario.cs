using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Hotline.Bench.Infrastructure;
using Hotline.Contracts;
using Hotline.Contracts.Auth;
using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Core.Telephony;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Bench.Scenarios;

/// <summary>
/// issue 19: a burst of simultaneous incoming-call webhooks (signed as Twilio signs them, on the local line) and many
/// agents answering at once, each answer followed by the call's end (no wrap-up) and the next answer, until the queue
/// is empty. Checks that no caller is handed to two agents and none is lost (every call taken exactly once, in the
/// database and in the answers), and measures the webhooks' and the answers' latencies.
/// </summary>
public sealed class CallBurstScenario : IScenario
{
    public string Name => "callburst";

    public string Description => "simultaneous incoming-call webhooks, agents answering at once: none handed twice, none lost";

    public IReadOnlyList<(string Option, string Meaning)> Options =>
    [
        ("--calls N", "incoming-call webhooks sent at once (default 200)"),
        ("--agents N", "agents answering at the same time (default 50)"),
    ];

    public async Task<BenchReport> RunAsync(BenchArgs args, CancellationToken ct)
    {
        if (args.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException("callburst runs on the local line (本地模拟线路), which exists on the embedded SQLite database without Twilio.");
        }

        var callCount = args.Int("calls", 200);
        var agentCount = args.Int("agents", 50);
        await using var database = await BenchDatabase.CreateAsync(args, ct);
        await using var api = await ApiUnderTest.StartAsync(database, ct, new Dictionary<string, string> { ["Calls:WrapUpTime"] = "00:00:00" });

        // The agents: created by the admin, signed in, set to 空闲.
        using var admin = await api.SignInAsync("admin", ct);
        var agents = new List<HttpClient>();
        for (var i = 0; i < agentCount; i++)
        {
            var name = $"bench-agent-{i:D3}";
            (await admin.PostAsJsonAsync("/api/admin/users", new CreateUserRequest(name, $"压测话务员{i}", ApiUnderTest.Password, [Roles.Agent], null), ApiUnderTest.Json, ct)).EnsureSuccessStatusCode();
            var client = await api.SignInAsync(name, ct);
            (await client.PutAsJsonAsync("/api/agents/me/presence", new SetPresenceRequest(AgentPresenceStatus.Available), ApiUnderTest.Json, ct)).EnsureSuccessStatusCode();
            agents.Add(client);
        }

        // As the simulator signs: the development token of the data folder (created here when the API has not yet).
        var tokenFile = Path.Combine(database.Location, "twilio-dev-token");
        if (!File.Exists(tokenFile))
        {
            await File.WriteAllTextAsync(tokenFile, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), ct);
        }

        var token = (await File.ReadAllTextAsync(tokenFile, ct)).Trim();
        using var twilio = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        async Task<HttpStatusCode> PostAsync(string path, List<KeyValuePair<string, string>> form)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add(TwilioSignature.Header, TwilioSignature.Compute(token, new Uri(api.BaseAddress, path).ToString(), form));
            using var response = await twilio.SendAsync(request, ct);
            return response.StatusCode;
        }

        // One call first, ended at once (a missed call), so the burst does not also measure the webhook path's first use.
        var warmUp = "CA" + Guid.NewGuid().ToString("N");
        await PostAsync(TelephonyUrls.VoiceIncoming, [new("CallSid", warmUp), new("AccountSid", "ACbench"), new("From", "+8613800000000"), new("To", "+8612345"), new("CallStatus", "ringing")]);
        await PostAsync(TelephonyUrls.VoiceStatus, [new("CallSid", warmUp), new("CallStatus", "completed"), new("SequenceNumber", "2")]);

        // The burst: every incoming call at once.
        var sids = Enumerable.Range(0, callCount).Select(_ => "CA" + Guid.NewGuid().ToString("N")).ToList();
        var webhook = new Latencies(callCount);
        var webhookErrors = 0;
        var burst = Stopwatch.StartNew();
        await Task.WhenAll(sids.Select(async (sid, i) =>
        {
            var started = Stopwatch.GetTimestamp();
            var status = await PostAsync(TelephonyUrls.VoiceIncoming,
                [new("CallSid", sid), new("AccountSid", "ACbench"), new("From", $"+86139{i:D8}"), new("To", "+8612345"), new("CallStatus", "ringing"), new("Direction", "inbound")]);
            webhook.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (status != HttpStatusCode.OK)
            {
                Interlocked.Increment(ref webhookErrors);
            }
        }));
        var burstTime = burst.Elapsed;

        // The agents answer at once, each ending the call and answering the next, until the queue is empty.
        var taken = new ConcurrentDictionary<string, int>();
        var handedTwice = 0;
        var answer = new Latencies(callCount * 2 + agentCount * 20);
        var refusals = new ConcurrentDictionary<string, int>();
        var answering = Stopwatch.StartNew();
        await Task.WhenAll(agents.Select((client, agentIndex) => Task.Run(async () =>
        {
            var emptyInARow = 0;
            while (emptyInARow < 3 && !ct.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync("/api/calls/answer", null, ct);
                answer.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.IsSuccessStatusCode)
                {
                    emptyInARow = 0;
                    var sid = (await response.Content.ReadFromJsonAsync<AnswerCallResponse>(ApiUnderTest.Json, ct))!.Call.CallSid;
                    if (!taken.TryAdd(sid, agentIndex))
                    {
                        Interlocked.Increment(ref handedTwice);
                    }

                    await PostAsync(TelephonyUrls.VoiceStatus, [new("CallSid", sid), new("CallStatus", "completed"), new("SequenceNumber", "2"), new("CallDuration", "30")]);
                    continue;
                }

                var body = await response.Content.ReadAsStringAsync(ct);
                var reason = body.Contains("当前没有等待接听的来电", StringComparison.Ordinal) ? "queue empty (409)" : $"{(int)response.StatusCode}";
                refusals.AddOrUpdate(reason, 1, (_, n) => n + 1);
                emptyInARow = reason.StartsWith("queue empty", StringComparison.Ordinal) ? emptyInARow + 1 : 0;
                if (!reason.StartsWith("queue empty", StringComparison.Ordinal))
                {
                    // Not available for a moment (the end of the call being applied): set 空闲 again.
                    await client.PutAsJsonAsync("/api/agents/me/presence", new SetPresenceRequest(AgentPresenceStatus.Available), ApiUnderTest.Json, ct);
                }

                await Task.Delay(20, ct);
            }
        }, ct)));
        var answerTime = answering.Elapsed;

        await using var db = database.NewContext();
        var rows = await db.Calls.AsNoTracking().Where(c => sids.Contains(c.CallSid)).Select(c => new { c.CallSid, c.AgentId }).ToListAsync(ct);
        var lost = sids.Count - rows.Count(r => r.AgentId != null);
        var mismatched = rows.Count(r => r.AgentId != null && !taken.ContainsKey(r.CallSid));

        foreach (var client in agents)
        {
            client.Dispose();
        }

        var report = new BenchReport("callburst")
            .Configure("calls sent at once", callCount)
            .Configure("agents answering", agentCount)
            .Configure("line", "local line (本地模拟线路), Calls:WrapUpTime 0, one call before the burst to warm the path")
            .Columns("measure", "value")
            .Row("incoming webhooks: all answered in (s)", burstTime.TotalSeconds.ToString("0.00"))
            .Row("incoming webhook latency p50 / p95 / max (ms)", $"{webhook.Percentile(50):0} / {webhook.Percentile(95):0} / {webhook.Percentile(100):0}")
            .Row("incoming webhooks not 200", webhookErrors)
            .Row("calls recorded", rows.Count)
            .Row("answers until the queue was empty (s)", answerTime.TotalSeconds.ToString("0.00"))
            .Row("answer latency p50 / p95 / max (ms)", $"{answer.Percentile(50):0} / {answer.Percentile(95):0} / {answer.Percentile(100):0}")
            .Row("calls taken (distinct, in the answers)", taken.Count)
            .Row("**handed to two agents**", handedTwice)
            .Row("**lost** (recorded or sent, never taken)", lost + (callCount - rows.Count))
            .Row("taken in the database but not in any answer", mismatched);
        foreach (var (reason, count) in refusals.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            report.Row($"refused answers: {reason}", count);
        }

        if (handedTwice > 0 || lost > 0 || rows.Count != callCount || mismatched > 0)
        {
            report.Note("FAILED: a caller was handed to two agents, lost, or not recorded.");
        }

        return report;
    }
}
