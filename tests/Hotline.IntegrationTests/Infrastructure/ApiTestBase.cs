using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Reference;
using Hotline.Contracts.Tickets;
using Shouldly;

namespace Hotline.IntegrationTests.Infrastructure;

/// <summary>Helpers shared by the HTTP scenarios; each scenario class runs once per provider.</summary>
public abstract class ApiTestBase(ApiFixture fixture)
{
    public const string CitizenPhone = "13812345678";

    protected ApiFixture Fixture { get; } = fixture;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected Task<HttpClient> ClientAsync(string userName) => Fixture.ClientForAsync(userName);

    protected static RegisterTicketRequest NewTicket(
        string categoryCode = "sw-ts",
        string districtCode = "dc",
        string? streetCode = "dc-dhm",
        TicketType type = TicketType.Complaint,
        bool confidential = false,
        string? content = null) =>
        new(
            Channel.Phone,
            type,
            categoryCode,
            Urgency.Normal,
            new CitizenDto("测试市民", CitizenPhone, confidential),
            new LocationDto(districtCode, streetCode, "东华门大街1号", null, null),
            content ?? $"停水三天了 {Guid.NewGuid():N}",
            null);

    protected async Task<IReadOnlyDictionary<string, Guid>> UnitIdsAsync()
    {
        using var client = await ClientAsync("agent");
        var units = await (await client.GetAsync("/api/units", Ct)).ReadAsync<List<UnitDto>>();
        return units.ToDictionary(u => u.Code, u => u.Id, StringComparer.OrdinalIgnoreCase);
    }

    protected async Task<TicketDto> RegisterAsync(RegisterTicketRequest? request = null)
    {
        using var agent = await ClientAsync("agent");
        var response = await agent.PostAsJsonAsync("/api/tickets", request ?? NewTicket(), Json.Options, Ct);
        return await response.ReadAsync<TicketDto>(HttpStatusCode.Created);
    }

    protected async Task<TicketDto> RegisterAndDispatchAsync(RegisterTicketRequest? request = null)
    {
        var ticket = await RegisterAsync(request);
        using var agent = await ClientAsync("agent");
        return await (await agent.PostAsJsonAsync($"/api/tickets/{ticket.Id}/dispatch", new { }, Json.Options, Ct)).ReadAsync<TicketDto>();
    }

    protected async Task<TicketDto> AcceptAsync(Guid id, string unitUserName)
    {
        using var unit = await ClientAsync(unitUserName);
        return await (await unit.PostAsync($"/api/tickets/{id}/accept", null, Ct)).ReadAsync<TicketDto>();
    }

    /// <summary>
    /// An order of category sw-ts, dispatched by the catalogue to "water", accepted, contacted and replied; with
    /// <paramref name="approveReview"/>, a reply the review rules hold (a complaint, by default) is approved by the
    /// supervisor, so the order waits for its callback.
    /// </summary>
    protected async Task<TicketDto> RepliedAsync(bool solved = true, RegisterTicketRequest? request = null, bool approveReview = true)
    {
        var ticket = await RegisterAndDispatchAsync(request);
        await AcceptAsync(ticket.Id, "water");
        using var water = await ClientAsync("water");
        await (await water.PostAsJsonAsync($"/api/tickets/{ticket.Id}/contact", new NoteRequest("已电话联系", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        var replied = await (await water.PostAsJsonAsync($"/api/tickets/{ticket.Id}/reply", new ReplyRequest(solved, "已恢复供水", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        replied.Status.ShouldBe(TicketStatus.Replied);
        return approveReview ? await ApproveReviewIfPendingAsync(replied) : replied;
    }

    /// <summary>办结审核: the supervisor approves a reply that waits for review; any other order is returned as it is.</summary>
    protected async Task<TicketDto> ApproveReviewIfPendingAsync(TicketDto ticket)
    {
        if (ticket.Review?.Status != ReviewStatus.Pending)
        {
            return ticket;
        }

        using var supervisor = await ClientAsync("supervisor");
        return await (await supervisor.PostAsJsonAsync($"/api/tickets/{ticket.Id}/review", new ReplyReviewRequest(true, null, null), Json.Options, Ct)).ReadAsync<TicketDto>();
    }

    /// <summary>The lead unit asks to give the order back and the supervisor approves it to another unit.</summary>
    protected async Task<TicketDto> RedispatchAsync(Guid id, string from, string to)
    {
        var units = await UnitIdsAsync();
        using var unit = await ClientAsync(from);
        await (await unit.PostAsJsonAsync($"/api/tickets/{id}/return-requests", new ReturnRequest("不属于本单位职责", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        using var supervisor = await ClientAsync("supervisor");
        var moved = await (await supervisor.PostAsJsonAsync($"/api/tickets/{id}/return-requests/decision", new ReturnDecisionRequest(true, units[to], "改派", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        moved.Status.ShouldBe(TicketStatus.Dispatched);
        return moved;
    }

    /// <summary>An order as the callback desk sees it.</summary>
    protected async Task<TicketDto> TicketAsync(Guid id)
    {
        using var callback = await ClientAsync("callback");
        return await (await callback.GetAsync($"/api/tickets/{id}", Ct)).ReadAsync<TicketDto>();
    }

    /// <summary>The callback desk's queue: replied orders waiting for a person (not for an automated survey).</summary>
    protected async Task<List<TicketListItemDto>> DueCallbacksAsync()
    {
        using var callback = await ClientAsync("callback");
        return await (await callback.GetAsync("/api/callbacks?due=true", Ct)).ReadAsync<List<TicketListItemDto>>();
    }

    protected async Task<int> TicketTotalAsync()
    {
        using var agent = await ClientAsync("agent");
        var page = await (await agent.GetAsync("/api/tickets?pageSize=1", Ct)).ReadAsync<PagedResult<TicketListItemDto>>();
        return page.Total;
    }
}
