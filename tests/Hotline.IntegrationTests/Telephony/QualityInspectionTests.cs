using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Quality;
using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Domain.Quality;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static Hotline.IntegrationTests.Telephony.CallForms;

namespace Hotline.IntegrationTests.Telephony;

/// <summary>
/// 录音与质检 against the WireMock fake of Twilio, with recording on: the conference records the call, its callback names
/// the call in its URL, supervisors play it through the API (each listen audited), and score the week's sample on the
/// editable checklist, with per-agent scores by week.
/// </summary>
public abstract class QualityInspectionTests(RecordingCallCentreFixture fixture) : CallCentreTestBase(fixture)
{
    [Fact]
    public async Task Recording_Should_BeMadeByTheConference_And_PlayedOnlyThroughTheApi_EachListenAudited()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        var call = await AnswerNewCallAsync(agent);
        _twilio.Redirects(call.CallSid).Single().Form["Twiml"]!.ShouldContain(
            $"record=\"record-from-start\" recordingStatusCallback=\"{TwilioFixture.PublicBaseUrl}/twilio/voice/recording?call={call.Id:N}\"");
        using var supervisor = await ClientAsync("supervisor");
        await (await supervisor.GetAsync($"/api/calls/{call.Id}/recording", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        // A conference recording's callback names no call: the URL does.
        var recordingSid = "RE" + Guid.NewGuid().ToString("N");
        var audio = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray();
        _twilio.Twilio.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{TwilioFixture.AccountSid}/Recordings/{recordingSid}.mp3").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(HttpStatusCode.OK).WithHeader("Content-Type", "audio/mpeg").WithBody(audio));
        await (await _twilio.PostWebhookAsync($"/twilio/voice/recording?call={call.Id:N}",
        [
            new("AccountSid", TwilioFixture.AccountSid), new("ConferenceSid", TwilioFixture.ConferenceSid), new("RecordingSid", recordingSid),
            new("RecordingUrl", $"https://api.twilio.com/2010-04-01/Accounts/{TwilioFixture.AccountSid}/Recordings/{recordingSid}"),
            new("RecordingStatus", "completed"), new("RecordingDuration", "42"),
        ])).ShouldHaveStatusAsync(HttpStatusCode.OK);

        using var played = await supervisor.GetAsync($"/api/calls/{call.Id}/recording", Ct);
        played.StatusCode.ShouldBe(HttpStatusCode.OK);
        played.Content.Headers.ContentType!.MediaType.ShouldBe("audio/mpeg");
        (await played.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(audio);
        var fetch = _twilio.Twilio.LogEntries.Last(e => e.RequestMessage.Path.EndsWith($"{recordingSid}.mp3", StringComparison.Ordinal));
        fetch.RequestMessage.Headers!["Authorization"].ToString().ShouldStartWith("Basic ");
        (await QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.RecordingPlayed && e.TargetId == call.Id.ToString(), Ct))).ShouldBe(1);
        (await agent.GetAsync($"/api/calls/{call.Id}/recording", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Checklist_Should_StartWithTheDefaults_And_BeEditedAsAWhole_Audited()
    {
        using var supervisor = await ClientAsync("supervisor");
        var checklist = await (await supervisor.GetAsync("/api/qa/checklist", Ct)).ReadAsync<List<QaChecklistItemDto>>();
        checklist.Select(i => (i.Id, i.Title, i.MaxScore)).ShouldBe(QaChecklistItem.Defaults);

        foreach (var bad in new object[]
                 {
                     new { items = Array.Empty<object>() },
                     new { items = new[] { new { title = "", maxScore = 10 } } },
                     new { items = new[] { new { title = "态度", maxScore = 0 } } },
                     new { items = new[] { new { title = "态度", maxScore = 101 } } },
                 })
        {
            await (await supervisor.PutAsJsonAsync("/api/qa/checklist", bad, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        }

        var edited = await (await supervisor.PutAsJsonAsync("/api/qa/checklist", new SaveQaChecklistRequest(
        [
            new(checklist[0].Id, "开头语规范", 20),
            new(null, "诉求记录完整", 80),
        ]), Json.Options, Ct)).ReadAsync<List<QaChecklistItemDto>>();

        edited.Select(i => (i.Title, i.MaxScore)).ShouldBe([("开头语规范", 20), ("诉求记录完整", 80)]);
        edited[0].Id.ShouldBe(checklist[0].Id);
        (await (await supervisor.GetAsync("/api/qa/checklist", Ct)).ReadAsync<List<QaChecklistItemDto>>()).Count.ShouldBe(2);
        (await QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.QaChecklistSaved, Ct))).ShouldBeTrue();
        using var agent = await ClientAsync("agent");
        (await agent.GetAsync("/api/qa/checklist", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Back to the defaults for the other tests.
        await (await supervisor.PutAsJsonAsync("/api/qa/checklist", new SaveQaChecklistRequest(
            QaChecklistItem.Defaults.Select(d => new QaChecklistItemInput(d.Id, d.Title, d.MaxScore)).ToList()), Json.Options, Ct)).ReadAsync<List<QaChecklistItemDto>>();
    }

    [Fact]
    public async Task Sample_Should_TakeAShareOfEachAgentsCalls_Then_ScoresShowPerAgentPerWeek()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        using var supervisor = await ClientAsync("supervisor");
        for (var i = 0; i < 3; i++)
        {
            var answered = await AnswerNewCallAsync(agent);
            await _twilio.PostWebhookAsync("/twilio/voice/status", Status(answered.CallSid, "completed", 5, "60"));
        }

        var week = QaSample.WeekOf(_twilio.Clock.GetUtcNow());
        var sample = await (await supervisor.GetAsync($"/api/qa/sample?week={week}", Ct)).ReadAsync<QaSampleDto>();
        var again = await (await supervisor.GetAsync("/api/qa/sample", Ct)).ReadAsync<QaSampleDto>();

        sample.Week.ShouldBe(week);
        again.Calls.Select(c => c.CallId).ShouldBe(sample.Calls.Select(c => c.CallId), "the sample is fixed for the week");
        var agentId = (await (await agent.GetAsync("/api/agents/me/presence", Ct)).ReadAsync<AgentPresenceDto>()).UserId;
        var (from, to) = (sample.From.ToUniversalTime(), sample.To.ToUniversalTime());
        var answeredByAgent = await QueryAsync(db => db.Calls.CountAsync(c => c.AgentId == agentId && c.AgentAnsweredAt >= from && c.AgentAnsweredAt < to, Ct));
        answeredByAgent.ShouldBeGreaterThanOrEqualTo(3);
        sample.Calls.Count(c => c.AgentId == agentId).ShouldBe(QaSample.SizeFor(answeredByAgent, 0.05));
        await (await supervisor.GetAsync("/api/qa/sample?week=2026-49", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        // Scoring: every point, none above its maximum; then the per-agent week.
        var picked = sample.Calls.First(c => c.AgentId == agentId);
        var checklist = await (await supervisor.GetAsync("/api/qa/checklist", Ct)).ReadAsync<List<QaChecklistItemDto>>();
        var over = checklist.Select(i => new QaPointsInput(i.Id, i.MaxScore + 1)).ToList();
        await (await supervisor.PostAsJsonAsync($"/api/qa/calls/{picked.CallId}/review", new ScoreCallRequest(over, null), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await supervisor.PostAsJsonAsync($"/api/qa/calls/{picked.CallId}/review", new ScoreCallRequest(checklist.Skip(1).Select(i => new QaPointsInput(i.Id, 1)).ToList(), null), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await supervisor.PostAsJsonAsync($"/api/qa/calls/{Guid.NewGuid()}/review", new ScoreCallRequest(over, null), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var full = checklist.Sum(i => i.MaxScore);
        var points = checklist.Select((i, n) => new QaPointsInput(i.Id, n == 0 ? 0 : i.MaxScore)).ToList();
        var review = await (await supervisor.PostAsJsonAsync($"/api/qa/calls/{picked.CallId}/review", new ScoreCallRequest(points, "开头语缺少工号"), Json.Options, Ct)).ReadAsync<QaReviewDto>();

        review.Score.ShouldBe(full - checklist[0].MaxScore);
        review.MaxScore.ShouldBe(full);
        review.Scores.Count.ShouldBe(checklist.Count);
        (await (await supervisor.GetAsync($"/api/qa/sample?week={week}", Ct)).ReadAsync<QaSampleDto>()).Calls.Single(c => c.CallId == picked.CallId).Review!.Comment.ShouldBe("开头语缺少工号");
        var scores = await (await supervisor.GetAsync($"/api/qa/agents?from={week}&to={week}", Ct)).ReadAsync<QaAgentScoresDto>();
        var row = scores.Rows.Single(r => r.AgentId == agentId && r.Week == week);
        row.Reviews.ShouldBeGreaterThanOrEqualTo(1);
        (await supervisor.GetAsync("/api/qa/agents?from=2026-W50&to=2026-W40", Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    public sealed class OnSqlite(SqliteRecordingCallCentreFixture fixture) : QualityInspectionTests(fixture), IClassFixture<SqliteRecordingCallCentreFixture>;

    public sealed class OnPostgreSql(PostgresRecordingCallCentreFixture fixture) : QualityInspectionTests(fixture), IClassFixture<PostgresRecordingCallCentreFixture>;
}

/// <summary>The call centre with recording on (<c>Calls:Recording</c>).</summary>
public abstract class RecordingCallCentreFixture(DatabaseProvider provider) : CallCentreFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings() =>
        new Dictionary<string, string?>(base.Settings()) { ["Calls:Recording"] = "true" };
}

public sealed class SqliteRecordingCallCentreFixture() : RecordingCallCentreFixture(DatabaseProvider.Sqlite);

public sealed class PostgresRecordingCallCentreFixture() : RecordingCallCentreFixture(DatabaseProvider.PostgreSql);
