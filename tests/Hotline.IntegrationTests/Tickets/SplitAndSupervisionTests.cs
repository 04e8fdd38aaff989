using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Domain.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Tickets;

/// <summary>拆单, 领导批示, the flags and 待研判 over HTTP; every refusal answers 409/403/404/400 and changes nothing.</summary>
public abstract class SplitAndSupervisionTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Split_Should_CloseTheOriginalAndCreateLinkedParts_When_Registered()
    {
        var original = await RegisterAsync();
        using var agent = await ClientAsync("agent");

        var split = await (await agent.PostAsJsonAsync($"/api/tickets/{original.Id}/split",
            new SplitRequest([new SplitPartRequest("小区停水", "sw-ts", null), new SplitPartRequest("路灯不亮", "rq-yh", Urgency.Urgent)], null), Json.Options, Ct)).ReadAsync<TicketDto>();

        split.Status.ShouldBe(TicketStatus.Closed);
        split.CloseReason.ShouldBe(CloseReason.Split);
        split.SplitInto.Count.ShouldBe(2);
        split.SplitInto.ShouldAllBe(p => p.Status == TicketStatus.Registered && p.Number != original.Number);
        split.Timeline[^1].ShouldSatisfyAllConditions(e => e.Action.ShouldBe(TimelineActions.Split), e => e.ActorName.ShouldNotBeNullOrEmpty());

        var part = await TicketAsync(split.SplitInto[1].Id);
        part.SplitFrom.ShouldBe(new TicketLinkDto(original.Id, original.Number, TicketStatus.Closed));
        part.ShouldSatisfyAllConditions(
            p => p.Content.ShouldBe("路灯不亮"),
            p => p.CategoryCode.ShouldBe("rq-yh"),
            p => p.Urgency.ShouldBe(Urgency.Urgent),
            p => p.Citizen.ShouldBe(original.Citizen),
            p => p.Location.ShouldBe(original.Location));

        // Each part goes on by itself, and the original shows where its parts are.
        await (await agent.PostAsJsonAsync($"/api/tickets/{part.Id}/dispatch", new { }, Json.Options, Ct)).ReadAsync<TicketDto>();
        (await TicketAsync(original.Id)).SplitInto.Single(p => p.Id == part.Id).Status.ShouldBe(TicketStatus.Dispatched);
    }

    [Fact]
    public async Task Split_Should_Answer409Or400AndChangeNothing_When_TheRequestIsRefused()
    {
        var original = await RegisterAsync();
        var total = await TicketTotalAsync();
        using var agent = await ClientAsync("agent");

        var one = await agent.PostAsJsonAsync($"/api/tickets/{original.Id}/split", new SplitRequest([new SplitPartRequest("a", "sw-ts", null)], null), Json.Options, Ct);
        (await one.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("2 至 10");
        var eleven = await agent.PostAsJsonAsync($"/api/tickets/{original.Id}/split",
            new SplitRequest(Enumerable.Range(0, 11).Select(i => new SplitPartRequest($"诉求{i}", "sw-ts", null)).ToList(), null), Json.Options, Ct);
        await eleven.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var unknown = await agent.PostAsJsonAsync($"/api/tickets/{original.Id}/split",
            new SplitRequest([new SplitPartRequest("a", "sw-ts", null), new SplitPartRequest("b", "no-such", null)], null), Json.Options, Ct);
        (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain(f => f.Contains("categoryCode", StringComparison.Ordinal));

        var dispatched = await RegisterAndDispatchAsync();
        var late = await agent.PostAsJsonAsync($"/api/tickets/{dispatched.Id}/split",
            new SplitRequest([new SplitPartRequest("a", "sw-ts", null), new SplitPartRequest("b", "sw-ts", null)], null), Json.Options, Ct);
        await late.ShouldBeProblemAsync(HttpStatusCode.Conflict);

        using var water = await ClientAsync("water");
        var byUnit = await water.PostAsJsonAsync($"/api/tickets/{original.Id}/split",
            new SplitRequest([new SplitPartRequest("a", "sw-ts", null), new SplitPartRequest("b", "sw-ts", null)], null), Json.Options, Ct);
        await byUnit.ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        (await TicketAsync(original.Id)).Version.ShouldBe(original.Version);
        (await TicketTotalAsync()).ShouldBe(total + 1, "only the dispatched order was added");
    }

    [Fact]
    public async Task Instruction_Should_BeShownToTheUnitAndTightenTheDeadline_When_TheSupervisorInstructs()
    {
        var accepted = await AcceptAsync((await RegisterAndDispatchAsync()).Id, "water");
        using var supervisor = await ClientAsync("supervisor");
        var due = accepted.Deadlines.ReplyDueAt!.Value.AddHours(-2);

        var instructed = await (await supervisor.PostAsJsonAsync($"/api/tickets/{accepted.Id}/instructions",
            new InstructionRequest("请主要负责同志牵头办理", "王副市长", due, null), Json.Options, Ct)).ReadAsync<TicketDto>();

        instructed.Deadlines.ReplyDueAt!.Value.ShouldBe(due, TimeSpan.FromMilliseconds(1));
        instructed.Instructions.Single().ShouldSatisfyAllConditions(
            i => i.Author.ShouldBe("王副市长"), i => i.Text.ShouldBe("请主要负责同志牵头办理"), i => i.EnteredBy.ShouldNotBe("supervisor"));
        instructed.Timeline[^1].Action.ShouldBe(TimelineActions.Instructed);

        using var water = await ClientAsync("water");
        (await TicketAsync(accepted.Id)).Instructions.Count.ShouldBe(1);
        var inbox = await (await water.GetAsync("/api/tickets?pageSize=200", Ct)).ReadAsync<PagedResult<TicketListItemDto>>();
        inbox.Items.Single(i => i.Id == accepted.Id).Instructed.ShouldBeTrue();
        var tracked = await (await supervisor.GetAsync("/api/tickets?instructed=true&pageSize=200", Ct)).ReadAsync<PagedResult<TicketListItemDto>>();
        tracked.Items.ShouldContain(i => i.Id == accepted.Id);

        // Only tighter, only by a supervisor; nothing changes on a refusal.
        var looser = await supervisor.PostAsJsonAsync($"/api/tickets/{accepted.Id}/instructions", new InstructionRequest("x", "y", due.AddDays(3), null), Json.Options, Ct);
        await looser.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await water.PostAsJsonAsync($"/api/tickets/{accepted.Id}/instructions", new InstructionRequest("x", "y", null, null), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await supervisor.PostAsJsonAsync($"/api/tickets/{accepted.Id}/instructions", new InstructionRequest("", "y", null, null), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await supervisor.PostAsJsonAsync($"/api/tickets/{Guid.NewGuid()}/instructions", new InstructionRequest("x", "y", null, null), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await TicketAsync(accepted.Id)).Version.ShouldBe(instructed.Version);
    }

    [Fact]
    public async Task Flags_And_Assessment_Should_BeListed_When_SetAndCleared()
    {
        var ticket = await RegisterAsync();
        using var supervisor = await ClientAsync("supervisor");
        using var agent = await ClientAsync("agent");

        (await (await supervisor.PutAsync($"/api/tickets/{ticket.Id}/flags/Hard", null, Ct)).ReadAsync<TicketDto>()).Flags.Hard.ShouldBeTrue();
        await (await supervisor.PutAsync($"/api/tickets/{ticket.Id}/flags/Hard", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await agent.PutAsync($"/api/tickets/{ticket.Id}/flags/Typical", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await (await supervisor.GetAsync("/api/tickets?flag=Hard&pageSize=200", Ct)).ReadAsync<PagedResult<TicketListItemDto>>()).Items.ShouldContain(i => i.Id == ticket.Id && i.Hard);
        (await (await supervisor.DeleteAsync($"/api/tickets/{ticket.Id}/flags/Hard", Ct)).ReadAsync<TicketDto>()).Flags.Hard.ShouldBeFalse();

        var marked = await (await agent.PostAsJsonAsync($"/api/tickets/{ticket.Id}/assessment", new AssessmentRequest("不确定由哪个单位办理", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        marked.Assessment.Pending.ShouldBeTrue();
        (await (await supervisor.GetAsync("/api/tickets?assessmentPending=true&pageSize=200", Ct)).ReadAsync<PagedResult<TicketListItemDto>>()).Items.ShouldContain(i => i.Id == ticket.Id);
        await (await supervisor.PostAsJsonAsync($"/api/tickets/{ticket.Id}/dispatch", new { }, Json.Options, Ct)).ReadAsync<TicketDto>();
        (await (await supervisor.GetAsync("/api/tickets?assessmentPending=true&pageSize=200", Ct)).ReadAsync<PagedResult<TicketListItemDto>>()).Items.ShouldNotContain(i => i.Id == ticket.Id);
        await (await agent.PostAsJsonAsync($"/api/tickets/{ticket.Id}/assessment", new AssessmentRequest("x", null), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    public sealed class OnSqlite(SqliteApiFixture fixture) : SplitAndSupervisionTests(fixture), IClassFixture<SqliteApiFixture>;

    public sealed class OnPostgreSql(PostgresApiFixture fixture) : SplitAndSupervisionTests(fixture), IClassFixture<PostgresApiFixture>;
}
