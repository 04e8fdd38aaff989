using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Citizens;
using Hotline.Contracts.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Citizens;

/// <summary>修改分类/紧急程度: agents correct what a citizen chose before dispatching; nothing changes otherwise.</summary>
public abstract class ReclassifyTests(ApiFixture fixture) : CitizenTestBase(fixture)
{
    [Fact]
    public async Task Reclassify_Should_CorrectAWebOrderAndRecordIt_When_Registered()
    {
        var receipt = await (await SubmitAsync(Submission() with { Type = TicketType.Report })).ReadAsync<PublicSubmissionReceipt>(HttpStatusCode.Accepted);
        var ticket = await TicketByNumberAsync(receipt.Number);
        ticket.Urgency.ShouldBe(Urgency.Normal);
        using var agent = await ClientAsync("agent");

        var changed = await (await agent.PostAsJsonAsync($"/api/tickets/{ticket.Id}/classification",
            new ReclassifyRequest("cs-ld", Urgency.Urgent, TicketType.Complaint, ticket.Version), Json.Options, Ct)).ReadAsync<TicketDto>();

        changed.Status.ShouldBe(TicketStatus.Registered);
        changed.CategoryCode.ShouldBe("cs-ld");
        changed.Urgency.ShouldBe(Urgency.Urgent);
        changed.Type.ShouldBe(TicketType.Complaint);
        changed.Citizen.Confidential.ShouldBeTrue();
        changed.Version.ShouldBe(ticket.Version + 1);
        var entry = changed.Timeline.Last();
        entry.Action.ShouldBe("Reclassified");
        var note = entry.Note.ShouldNotBeNull();
        note.ShouldContain("紧急程度：一般 → 加急");
        note.ShouldContain("类型：举报 → 投诉");
        (await TicketByNumberAsync(receipt.Number)).CategoryCode.ShouldBe("cs-ld");
    }

    [Fact]
    public async Task Reclassify_Should_RefuseAndChangeNothing_When_InvalidStaleForbiddenOrNoLongerRegistered()
    {
        var receipt = await (await SubmitAsync(Submission())).ReadAsync<PublicSubmissionReceipt>(HttpStatusCode.Accepted);
        var ticket = await TicketByNumberAsync(receipt.Number);
        using var agent = await ClientAsync("agent");
        using var department = await ClientAsync("water");
        var path = $"/api/tickets/{ticket.Id}/classification";

        var unknown = await agent.PostAsJsonAsync(path, new ReclassifyRequest("no-such", Urgency.Urgent, TicketType.Complaint, null), Json.Options, Ct);
        var incomplete = await agent.PostAsJsonAsync(path, new ReclassifyRequest("cs-ld", null, null, null), Json.Options, Ct);
        var stale = await agent.PostAsJsonAsync(path, new ReclassifyRequest("cs-ld", Urgency.Urgent, TicketType.Complaint, ticket.Version + 5), Json.Options, Ct);
        var forbidden = await department.PostAsJsonAsync(path, new ReclassifyRequest("cs-ld", Urgency.Urgent, TicketType.Complaint, null), Json.Options, Ct);
        await (await agent.PostAsJsonAsync($"/api/tickets/{ticket.Id}/answer", new AnswerRequest("已解答。", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        var closed = await agent.PostAsJsonAsync(path, new ReclassifyRequest("cs-ld", Urgency.Urgent, TicketType.Complaint, null), Json.Options, Ct);

        (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("categoryCode", out _).ShouldBeTrue();
        await incomplete.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await closed.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var after = await TicketByNumberAsync(receipt.Number);
        after.CategoryCode.ShouldBe(ticket.CategoryCode);
        after.Urgency.ShouldBe(Urgency.Normal);
        after.Timeline.ShouldNotContain(e => e.Action == "Reclassified");
    }

    public sealed class OnSqlite(CitizenSqliteFixture fixture) : ReclassifyTests(fixture), IClassFixture<CitizenSqliteFixture>;

    public sealed class OnPostgreSql(CitizenPostgresFixture fixture) : ReclassifyTests(fixture), IClassFixture<CitizenPostgresFixture>;
}
