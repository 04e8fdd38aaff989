using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Hotline.IntegrationTests.Tickets;

/// <summary>The life of an order over HTTP: register, dispatch by catalogue, accept, contact, reply, callback.</summary>
public abstract class TicketLifecycleTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Register_Should_Answer201WithLocation_When_AgentSendsAValidOrder()
    {
        using var agent = await ClientAsync("agent");

        var response = await agent.PostAsJsonAsync("/api/tickets", NewTicket(), Json.Options, Ct);

        var ticket = await response.ReadAsync<TicketDto>(HttpStatusCode.Created);
        response.Headers.Location.ShouldNotBeNull();
        response.Headers.Location.OriginalString.ShouldBe($"/api/tickets/{ticket.Id}");
        ticket.Status.ShouldBe(TicketStatus.Registered);
        ticket.Number.ShouldMatch(@"^\d{14}$");
        ticket.CreatedAt.Offset.ShouldBe(TimeSpan.FromHours(8));
        var read = await (await agent.GetAsync(response.Headers.Location, Ct)).ReadAsync<TicketDto>();
        read.Id.ShouldBe(ticket.Id);
        read.Citizen.Phone.ShouldBe(CitizenPhone);
    }

    [Fact]
    public async Task Dispatch_Should_SendToTheCatalogueUnit_When_BodyIsEmpty()
    {
        var units = await UnitIdsAsync();
        var ticket = await RegisterAsync(NewTicket("sw-ts"));
        using var agent = await ClientAsync("agent");

        var suggestion = await (await agent.GetAsync($"/api/tickets/{ticket.Id}/dispatch-suggestion", Ct)).ReadAsync<DispatchSuggestionDto>();
        var dispatched = await (await agent.PostAsJsonAsync($"/api/tickets/{ticket.Id}/dispatch", new { }, Json.Options, Ct)).ReadAsync<TicketDto>();

        suggestion.UnitId.ShouldBe(units["water"]);
        suggestion.RuleId.ShouldNotBeNull();
        dispatched.Status.ShouldBe(TicketStatus.Dispatched);
        dispatched.LeadUnitId.ShouldBe(units["water"]);
        dispatched.Deadlines.AcceptDueAt.ShouldNotBeNull();
        dispatched.Deadlines.ReplyDueAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Callback_Should_CloseAsCallbackDoneWithTheWholeTimeline_When_CitizenIsSatisfiedAndSolved()
    {
        // A help request: no 办结审核 by the default rules, so the reply goes straight to the callback.
        var ticket = await RegisterAndDispatchAsync(NewTicket(type: TicketType.HelpRequest));
        using var water = await ClientAsync("water");
        using var callback = await ClientAsync("callback");

        var accepted = await (await water.PostAsync($"/api/tickets/{ticket.Id}/accept", null, Ct)).ReadAsync<TicketDto>();
        var contacted = await (await water.PostAsJsonAsync($"/api/tickets/{ticket.Id}/contact", new NoteRequest("已电话联系", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        var replied = await (await water.PostAsJsonAsync($"/api/tickets/{ticket.Id}/reply", new ReplyRequest(true, "已恢复供水", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        var closed = await (await callback.PostAsJsonAsync($"/api/tickets/{ticket.Id}/callback", new CallbackRequest(CallbackOutcome.Satisfied, true, null, null), Json.Options, Ct)).ReadAsync<TicketDto>();

        accepted.Status.ShouldBe(TicketStatus.Accepted);
        accepted.Deadlines.AcceptedAt.ShouldNotBeNull();
        contacted.Deadlines.ContactedAt.ShouldNotBeNull();
        replied.Status.ShouldBe(TicketStatus.Replied);
        closed.Status.ShouldBe(TicketStatus.Closed);
        closed.CloseReason.ShouldBe(CloseReason.CallbackDone);
        closed.Callback.Outcome.ShouldBe(CallbackOutcome.Satisfied);
        closed.Callback.Solved.ShouldBe(true);
        closed.Timeline.Select(e => e.Action).ShouldBe(["Registered", "Dispatched", "Accepted", "Contacted", "Replied", "CallbackRecorded"]);
        closed.Timeline.ShouldAllBe(e => e.At.Offset == TimeSpan.FromHours(8));
    }

    [Theory]
    [InlineData(CallbackOutcome.Dissatisfied, true)]
    [InlineData(CallbackOutcome.Satisfied, false)]
    public async Task Callback_Should_DispatchAgainToTheSameLead_When_CitizenIsDissatisfiedOrNotSolved(CallbackOutcome outcome, bool solved)
    {
        var replied = await RepliedAsync();
        using var callback = await ClientAsync("callback");

        var reworked = await (await callback.PostAsJsonAsync($"/api/tickets/{replied.Id}/callback", new CallbackRequest(outcome, solved, "市民表示问题仍未解决", null, outcome == CallbackOutcome.Dissatisfied ? "unresolved" : null), Json.Options, Ct)).ReadAsync<TicketDto>();

        reworked.Status.ShouldBe(TicketStatus.Dispatched);
        reworked.LeadUnitId.ShouldBe(replied.LeadUnitId);
        reworked.ReworkCount.ShouldBe(1);
        reworked.CloseReason.ShouldBeNull();
        reworked.Timeline.Select(e => e.Action).ShouldContain("Reworked");
    }

    [Fact]
    public async Task Commands_Should_AnswerExactlyWhatTheNextReadReturns_When_TheAnswerIsMappedFromTheSavedOrder()
    {
        var agent = await ClientAsync("agent");
        var created = await (await agent.PostAsJsonAsync("/api/tickets", NewTicket(content: "应答与随后的读取一致"), Json.Options, Ct)).ReadAsync<TicketDto>(HttpStatusCode.Created);
        var read = await agent.GetFromJsonAsync<TicketDto>($"/api/tickets/{created.Id}", Json.Options, Ct);
        System.Text.Json.JsonSerializer.Serialize(created, Json.Options).ShouldBe(System.Text.Json.JsonSerializer.Serialize(read, Json.Options));
        created.Timeline.Count.ShouldBe(1);

        var dispatched = await (await agent.PostAsJsonAsync($"/api/tickets/{created.Id}/dispatch", new { }, Json.Options, Ct)).ReadAsync<TicketDto>();
        dispatched.Status.ShouldBe(TicketStatus.Dispatched);
        var readAfterDispatch = await agent.GetFromJsonAsync<TicketDto>($"/api/tickets/{created.Id}", Json.Options, Ct);
        System.Text.Json.JsonSerializer.Serialize(dispatched, Json.Options).ShouldBe(System.Text.Json.JsonSerializer.Serialize(readAfterDispatch, Json.Options));
    }

    [Fact]
    public async Task Merge_Should_LetOnlyOneSucceed_When_TwoAgentsMergeTwoOrdersIntoEachOtherAtOnce()
    {
        var first = await RegisterAsync(NewTicket(content: "交叉合并甲"));
        var second = await RegisterAsync(NewTicket(content: "交叉合并乙"));
        using var agent = await ClientAsync("agent");
        using var agent2 = await ClientAsync("agent2");

        var responses = await Task.WhenAll(
            agent.PostAsJsonAsync($"/api/tickets/{first.Id}/merge", new MergeRequest(second.Id, first.Version), Json.Options, Ct),
            agent2.PostAsJsonAsync($"/api/tickets/{second.Id}/merge", new MergeRequest(first.Id, second.Version), Json.Options, Ct));

        responses.Count(r => r.IsSuccessStatusCode).ShouldBe(1);
        responses.Single(r => !r.IsSuccessStatusCode).StatusCode.ShouldBeOneOf(HttpStatusCode.Conflict, HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity);
        var now = await Task.WhenAll(
            agent.GetFromJsonAsync<TicketDto>($"/api/tickets/{first.Id}", Json.Options, Ct),
            agent.GetFromJsonAsync<TicketDto>($"/api/tickets/{second.Id}", Json.Options, Ct));
        now.Count(t => t!.Status != TicketStatus.Closed).ShouldBe(1);
        var kept = now.Single(t => t!.Status != TicketStatus.Closed)!;
        kept.Timeline.Select(e => e.Action).ShouldContain("DuplicateMerged");
    }

    [Fact]
    public async Task Merge_Should_RefuseTheSecondSave_When_TwoMergesCrossedAfterBothReadTheOrders()
    {
        var first = await RegisterAsync(NewTicket(content: "交叉合并丙"));
        var second = await RegisterAsync(NewTicket(content: "交叉合并丁"));
        await using var scope1 = Fixture.Factory.Services.CreateAsyncScope();
        await using var scope2 = Fixture.Factory.Services.CreateAsyncScope();
        var db1 = scope1.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var db2 = scope2.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var agent = new Actor(Guid.NewGuid(), "agent", [Roles.Agent], null);
        var now = DateTimeOffset.UtcNow;

        // Both merges read both orders before either saves: the interleaving the version check must catch.
        var (a1, b1) = (await db1.Tickets.SingleAsync(t => t.Id == first.Id, Ct), await db1.Tickets.SingleAsync(t => t.Id == second.Id, Ct));
        var (a2, b2) = (await db2.Tickets.SingleAsync(t => t.Id == first.Id, Ct), await db2.Tickets.SingleAsync(t => t.Id == second.Id, Ct));
        a1.MergeInto(b1, agent, now);
        b2.MergeInto(a2, agent, now);
        await db1.SaveChangesAsync(Ct);

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task Register_Should_StoreThePhoneAsDigitsAndFindItHoweverItIsWritten_When_TypedWithCountryCodeAndDashes()
    {
        var phone = $"139{Random.Shared.Next(10_000_000, 99_999_999)}";
        var typed = $"+86 {phone[..3]}-{phone[3..7]}-{phone[7..]}";
        var created = await RegisterAsync(NewTicket() with { Citizen = new CitizenDto("来电市民", typed, false) });
        created.Citizen.Phone.ShouldBe(phone);

        using var agent = await ClientAsync("agent");
        foreach (var query in new[] { $"+86{phone}", phone, $"{phone[..3]} {phone[3..7]} {phone[7..]}" })
        {
            var found = await agent.GetFromJsonAsync<PagedResult<TicketListItemDto>>($"/api/tickets?q={Uri.EscapeDataString(query)}", Json.Options, Ct);
            found!.Items.Select(t => t.Id).ShouldContain(created.Id, $"searching {query}");
        }
    }

    [Fact]
    public async Task DecideReturn_Should_RedispatchToTheNextUnitOfTheCatalogue_When_NoUnitIsNamedAndTheCatalogueNamesTheReturningUnit()
    {
        // 停水 goes to the water company everywhere; when it gives the order back, the catalogue's next choice is
        // the district government (属地兜底), not an error asking for a unit.
        var units = await UnitIdsAsync();
        var ticket = await RegisterAndDispatchAsync();
        ticket.LeadUnitId.ShouldBe(units["water"]);
        using var water = await ClientAsync("water");
        await (await water.PostAsJsonAsync($"/api/tickets/{ticket.Id}/return-requests", new ReturnRequest("管网归物业所有", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        using var supervisor = await ClientAsync("supervisor");

        var moved = await (await supervisor.PostAsJsonAsync($"/api/tickets/{ticket.Id}/return-requests/decision",
            new ReturnDecisionRequest(true, null, "改派属地", null), Json.Options, Ct)).ReadAsync<TicketDto>();

        moved.Status.ShouldBe(TicketStatus.Dispatched);
        moved.LeadUnitId.ShouldBe(units["dc-gov"]);
    }

    [Fact]
    public async Task ReadTicket_Should_NamePeopleOnTheTimeline_When_TheyActedUnderTheirLogins()
    {
        var ticket = await RegisterAndDispatchAsync();
        await AcceptAsync(ticket.Id, "water");

        var read = await TicketAsync(ticket.Id);

        read.Timeline.Select(e => (e.ActorUserName, e.ActorName)).ShouldBe([("agent", "话务员 李敏"), ("agent", "话务员 李敏"), ("water", "市自来水集团")]);
    }

    [Fact]
    public async Task Dispatch_Should_Answer400AndChangeNothing_When_TheTargetIsTheHotlineCentre()
    {
        var units = await UnitIdsAsync();
        var ticket = await RegisterAsync();
        using var agent = await ClientAsync("agent");

        var response = await agent.PostAsJsonAsync($"/api/tickets/{ticket.Id}/dispatch", new DispatchRequest(units["center"], null, null, null), Json.Options, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("不能派给热线中心本身");
        (await TicketAsync(ticket.Id)).Status.ShouldBe(TicketStatus.Registered);
    }

    public sealed class OnSqlite(SqliteApiFixture fixture) : TicketLifecycleTests(fixture), IClassFixture<SqliteApiFixture>;

    public sealed class OnPostgreSql(PostgresApiFixture fixture) : TicketLifecycleTests(fixture), IClassFixture<PostgresApiFixture>;
}
