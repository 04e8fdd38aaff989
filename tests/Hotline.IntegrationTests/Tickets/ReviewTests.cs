using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Reference;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Hotline.IntegrationTests.Tickets;

/// <summary>办结审核 over HTTP: the review rules, the review queue, approve and reject, and every refusal.</summary>
public abstract class ReviewTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Reply_Should_WaitForReviewOutsideTheCallbackQueue_When_AComplaintIsReplied()
    {
        var replied = await RepliedAsync(approveReview: false);
        using var supervisor = await ClientAsync("supervisor");
        using var callback = await ClientAsync("callback");

        replied.Review.ShouldNotBeNull().ShouldSatisfyAllConditions(
            r => r.Required.ShouldBeTrue(),
            r => r.Status.ShouldBe(ReviewStatus.Pending),
            r => r.At.ShouldBeNull());
        (await CallbackQueueAsync()).ShouldNotContain(i => i.Id == replied.Id);
        var queue = await (await supervisor.GetAsync("/api/tickets?reviewPending=true&pageSize=200", Ct)).ReadAsync<PagedResult<TicketListItemDto>>();
        queue.Items.ShouldContain(i => i.Id == replied.Id);

        var refused = await callback.PostAsJsonAsync($"/api/tickets/{replied.Id}/callback", new CallbackRequest(CallbackOutcome.Satisfied, true, null, null), Json.Options, Ct);
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("办结审核");
        (await TicketAsync(replied.Id)).Version.ShouldBe(replied.Version);
        (await SurveysAsync(replied.Id)).ShouldBe(0, "no automated survey is scheduled for a reply under review");
    }

    [Fact]
    public async Task Review_Should_SendTheOrderToTheCallbackQueue_When_TheSupervisorApproves()
    {
        var replied = await RepliedAsync(approveReview: false);
        using var supervisor = await ClientAsync("supervisor");

        var approved = await (await supervisor.PostAsJsonAsync($"/api/tickets/{replied.Id}/review", new ReplyReviewRequest(true, "答复到位", replied.Version), Json.Options, Ct)).ReadAsync<TicketDto>();

        approved.Status.ShouldBe(TicketStatus.Replied);
        approved.Review.ShouldNotBeNull().ShouldSatisfyAllConditions(
            r => r.Status.ShouldBe(ReviewStatus.Approved),
            r => r.By.ShouldBe("supervisor"),
            r => r.Note.ShouldBe("答复到位"),
            r => r.At.ShouldNotBeNull());
        approved.Timeline[^1].Action.ShouldBe(TimelineActions.ReviewApproved);
        (await CallbackQueueAsync()).ShouldContain(i => i.Id == replied.Id);
        var queue = await (await supervisor.GetAsync("/api/tickets?reviewPending=true&pageSize=200", Ct)).ReadAsync<PagedResult<TicketListItemDto>>();
        queue.Items.ShouldNotContain(i => i.Id == replied.Id);

        // The embedded database surveys on its local line: the approval schedules the survey (a server database without Twilio has none).
        (await SurveysAsync(replied.Id)).ShouldBe(Fixture.Provider == DatabaseProvider.Sqlite ? 1 : 0);
    }

    [Fact]
    public async Task Review_Should_SendTheOrderBackToTheLeadUnit_When_TheSupervisorRejects()
    {
        var replied = await RepliedAsync(approveReview: false);
        using var supervisor = await ClientAsync("supervisor");

        var rejected = await (await supervisor.PostAsJsonAsync($"/api/tickets/{replied.Id}/review", new ReplyReviewRequest(false, "答非所问，请说明恢复供水时间", null), Json.Options, Ct)).ReadAsync<TicketDto>();

        rejected.Status.ShouldBe(TicketStatus.Accepted);
        rejected.LeadUnitId.ShouldBe(replied.LeadUnitId);
        rejected.ReworkCount.ShouldBe(replied.ReworkCount + 1);
        rejected.Reply.ShouldBeNull();
        rejected.Review!.Status.ShouldBe(ReviewStatus.Rejected);
        rejected.Deadlines.ReplyDueAt.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(replied.Deadlines.ReplyDueAt!.Value);
        rejected.Timeline[^1].ShouldSatisfyAllConditions(
            e => e.Action.ShouldBe(TimelineActions.ReviewRejected),
            e => e.FromStatus.ShouldBe(TicketStatus.Replied),
            e => e.ToStatus.ShouldBe(TicketStatus.Accepted),
            e => e.Note.ShouldNotBeNull().ShouldContain("答非所问"));

        // The unit replies again; a reworked order is reviewed again.
        using var water = await ClientAsync("water");
        var again = await (await water.PostAsJsonAsync($"/api/tickets/{replied.Id}/reply", new ReplyRequest(true, "已恢复供水，时间为今日 18 时", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        again.Review!.Status.ShouldBe(ReviewStatus.Pending);
    }

    [Fact]
    public async Task Review_Should_Answer400_When_ARejectionHasNoNote()
    {
        var replied = await RepliedAsync(approveReview: false);
        using var supervisor = await ClientAsync("supervisor");

        var response = await supervisor.PostAsJsonAsync($"/api/tickets/{replied.Id}/review", new ReplyReviewRequest(false, " ", null), Json.Options, Ct);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("note");
        (await TicketAsync(replied.Id)).Version.ShouldBe(replied.Version);
    }

    [Fact]
    public async Task Review_Should_Answer409_When_NoReviewIsPending()
    {
        var replied = await RepliedAsync(request: NewTicket(type: TicketType.HelpRequest));
        replied.Review!.ShouldSatisfyAllConditions(r => r.Required.ShouldBeFalse(), r => r.Status.ShouldBe(ReviewStatus.NotRequired));
        (await CallbackQueueAsync()).ShouldContain(i => i.Id == replied.Id);
        using var supervisor = await ClientAsync("supervisor");

        var response = await supervisor.PostAsJsonAsync($"/api/tickets/{replied.Id}/review", new ReplyReviewRequest(true, null, null), Json.Options, Ct);

        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("没有待审核");
        (await TicketAsync(replied.Id)).Version.ShouldBe(replied.Version);
    }

    [Fact]
    public async Task Review_Should_Answer409_When_TheOrderIsNotReplied()
    {
        var ticket = await RegisterAndDispatchAsync();
        using var supervisor = await ClientAsync("supervisor");

        var response = await supervisor.PostAsJsonAsync($"/api/tickets/{ticket.Id}/review", new ReplyReviewRequest(true, null, null), Json.Options, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Review_Should_Answer403ForAUnitAnd404ForAnUnknownOrder()
    {
        var replied = await RepliedAsync(approveReview: false);
        using var water = await ClientAsync("water");
        using var supervisor = await ClientAsync("supervisor");

        await (await water.PostAsJsonAsync($"/api/tickets/{replied.Id}/review", new ReplyReviewRequest(true, null, null), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await supervisor.PostAsJsonAsync($"/api/tickets/{Guid.NewGuid()}/review", new ReplyReviewRequest(true, null, null), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await TicketAsync(replied.Id)).Review!.Status.ShouldBe(ReviewStatus.Pending);
    }

    [Fact]
    public async Task ReviewRules_Should_DecideWhichRepliesAreReviewed_When_AnAdminReplacesThem()
    {
        using var admin = await ClientAsync("admin");
        using var supervisor = await ClientAsync("supervisor");
        var defaults = await (await admin.GetAsync("/api/review-rules", Ct)).ReadAsync<List<ReviewRuleDto>>();
        defaults.Select(r => (r.Type, r.ReworkedOnly)).ShouldBe([(TicketType.Complaint, false), (TicketType.Report, false), (null, true)], ignoreOrder: true);

        try
        {
            var rules = new List<UpsertReviewRuleRequest> { new(TicketType.HelpRequest, "sw", Channel.Phone, false) };
            var saved = await (await admin.PutAsJsonAsync("/api/review-rules", rules, Json.Options, Ct)).ReadAsync<List<ReviewRuleDto>>();
            saved.ShouldHaveSingleItem().ShouldSatisfyAllConditions(r => r.Type.ShouldBe(TicketType.HelpRequest), r => r.CategoryCode.ShouldBe("sw"));

            // sw-ts is a child of sw: a help request on it is reviewed now, a complaint no longer.
            var help = await RepliedAsync(request: NewTicket(type: TicketType.HelpRequest), approveReview: false);
            help.Review!.Status.ShouldBe(ReviewStatus.Pending);
            var complaint = await RepliedAsync(approveReview: false);
            complaint.Review!.Status.ShouldBe(ReviewStatus.NotRequired);

            await (await supervisor.PutAsJsonAsync("/api/review-rules", rules, Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            var unknown = new List<UpsertReviewRuleRequest> { new(null, "no-such-category", null, null) };
            (await (await admin.PutAsJsonAsync("/api/review-rules", unknown, Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldNotBeEmpty();
            (await (await admin.GetAsync("/api/review-rules", Ct)).ReadAsync<List<ReviewRuleDto>>()).ShouldHaveSingleItem();
        }
        finally
        {
            var restore = defaults.Select(r => new UpsertReviewRuleRequest(r.Type, r.CategoryCode, r.Channel, r.ReworkedOnly)).ToList();
            await (await admin.PutAsJsonAsync("/api/review-rules", restore, Json.Options, Ct)).ReadAsync<List<ReviewRuleDto>>();
        }
    }

    private async Task<int> SurveysAsync(Guid ticketId)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        return await db.CallbackSurveys.CountAsync(s => s.TicketId == ticketId, Ct);
    }

    /// <summary>The whole callback queue (automated surveys included): replied orders offered for a callback.</summary>
    private async Task<List<TicketListItemDto>> CallbackQueueAsync()
    {
        using var callback = await ClientAsync("callback");
        return await (await callback.GetAsync("/api/callbacks", Ct)).ReadAsync<List<TicketListItemDto>>();
    }

    public sealed class OnSqlite(SqliteApiFixture fixture) : ReviewTests(fixture), IClassFixture<SqliteApiFixture>;

    public sealed class OnPostgreSql(PostgresApiFixture fixture) : ReviewTests(fixture), IClassFixture<PostgresApiFixture>;
}
