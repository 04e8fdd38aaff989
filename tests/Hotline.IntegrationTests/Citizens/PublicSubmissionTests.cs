using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Auth;
using Hotline.Contracts.Citizens;
using Hotline.Contracts.Realtime;
using Hotline.Contracts.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Hotline.IntegrationTests.Citizens;

/// <summary>The public form's API: anonymous submissions become Registered web orders, tracked by a random code.</summary>
public abstract class PublicSubmissionTests(ApiFixture fixture) : CitizenTestBase(fixture)
{
    [Fact]
    public async Task Submit_Should_RegisterAWebOrderAsTyped_When_TheFormIsValid()
    {
        const string typed = "楼下<script>alert('x')</script>烧烤 & \"油烟\" 很大 <b>每晚</b>";

        var receipt = await (await SubmitAsync(Submission(content: typed))).ReadAsync<PublicSubmissionReceipt>(HttpStatusCode.Accepted);

        receipt.TrackingCode.Length.ShouldBe(12);
        receipt.TrackingCode.ShouldNotContain(receipt.Number);
        var ticket = await TicketByNumberAsync(receipt.Number);
        ticket.Status.ShouldBe(TicketStatus.Registered);
        ticket.Channel.ShouldBe(Channel.Web);
        ticket.Type.ShouldBe(TicketType.Complaint);
        ticket.Urgency.ShouldBe(Urgency.Normal);
        ticket.Content.ShouldBe(typed);
        ticket.Citizen.Name.ShouldBe("王小明");
        ticket.Location.StreetCode.ShouldBe("dc-jsj");
        ticket.Timeline.Single().ActorUserName.ShouldBe("市民（网上表单）");

        using var agent = await ClientAsync("agent");
        var queue = await (await agent.GetAsync("/api/tickets?status=Registered&channel=Web&pageSize=200", Ct)).ReadAsync<PagedResult<TicketListItemDto>>();
        queue.Items.ShouldContain(i => i.Number == receipt.Number);
    }

    [Fact]
    public async Task Submit_Should_CreateNothingMore_When_TheIdempotencyKeyIsRepeated()
    {
        var key = $"web-{Guid.NewGuid():N}";
        var body = Submission();
        var before = await TicketTotalAsync();

        var first = await SubmitAsync(body, key);
        var second = await SubmitAsync(body, key);
        var other = await SubmitAsync(Submission(content: "另一件事"), key);

        var created = await first.ReadAsync<PublicSubmissionReceipt>(HttpStatusCode.Accepted);
        var replayed = await second.ReadAsync<PublicSubmissionReceipt>(HttpStatusCode.Accepted);
        replayed.ShouldBe(created);
        second.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        await other.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await TicketTotalAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Submit_Should_Answer400AndStoreNothing_When_TheFormIsInvalid()
    {
        var before = await TicketTotalAsync();

        var empty = await (await SubmitAsync(new PublicSubmissionRequest(null, null, null, null, null))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var bad = await (await SubmitAsync(Submission(content: new string('长', 4001), phone: "call me") with { CategoryCode = "sw" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        empty.ErrorFields().ShouldBe(["categoryCode", "content", "location"], ignoreOrder: true);
        bad.ErrorFields().ShouldBe(["categoryCode", "citizen.phone", "content"], ignoreOrder: true);
        (await TicketTotalAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Track_Should_ShowProgressAndAnswerWithoutPersonalData_When_TheCodeIsKnown()
    {
        var receipt = await (await SubmitAsync(Submission(content: "垃圾桶满了 住址 景山前街4号"))).ReadAsync<PublicSubmissionReceipt>(HttpStatusCode.Accepted);
        using var anonymous = Fixture.AnonymousClient();
        var code = receipt.TrackingCode.ToLowerInvariant().Insert(4, "-");

        var registered = await anonymous.GetAsync($"/api/public/submissions/{code}", Ct);
        var raw = await registered.Content.ReadAsStringAsync(Ct);
        var status = await registered.ReadAsync<PublicSubmissionStatus>();
        status.Number.ShouldBe(receipt.Number);
        status.Status.ShouldBe(TicketStatus.Registered);
        status.CategoryName.ShouldBe("垃圾清运");
        status.DistrictName.ShouldBe("东城区");
        status.Answer.ShouldBeNull();
        foreach (var personal in new[] { "王小明", CitizenPhone, "景山前街", "垃圾桶满了" })
        {
            raw.ShouldNotContain(personal);
        }

        var ticket = await TicketByNumberAsync(receipt.Number);
        using var agent = await ClientAsync("agent");
        await (await agent.PostAsJsonAsync($"/api/tickets/{ticket.Id}/answer", new AnswerRequest("已联系环卫所，今日清运。", null), Json.Options, Ct)).ReadAsync<TicketDto>();

        var closed = await (await anonymous.GetAsync($"/api/public/submissions/{receipt.TrackingCode}", Ct)).ReadAsync<PublicSubmissionStatus>();
        closed.Status.ShouldBe(TicketStatus.Closed);
        closed.StatusText.ShouldBe("已办结");
        closed.Answer.ShouldBe("已联系环卫所，今日清运。");
        closed.ClosedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Track_Should_Answer404_When_TheCodeIsUnknown()
    {
        using var anonymous = Fixture.AnonymousClient();

        await (await anonymous.GetAsync("/api/public/submissions/ABCDEFGHJKMN", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync("/api/public/submissions/short", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Submissions_Should_ReachAgentsLive_When_TheyComeFromTheFormOrOpen311()
    {
        var apiKey = await IssueKeyAsync();
        using var anonymous = Fixture.AnonymousClient();
        var token = await (await anonymous.PostAsJsonAsync("/api/auth/token", new TokenRequest("agent2", ApiFixture.DemoPassword), Json.Options, Ct)).ReadAsync<TokenResponse>();
        var changes = System.Threading.Channels.Channel.CreateUnbounded<TicketChanged>();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Fixture.Factory.Server.BaseAddress, "/hubs/hotline"), o =>
            {
                o.HttpMessageHandlerFactory = _ => Fixture.Factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token.AccessToken);
            })
            .AddJsonProtocol(o => Hotline.Api.ApiServices.ConfigureJson(o.PayloadSerializerOptions))
            .Build();
        connection.On<TicketChanged>(nameof(IHotlineClient.TicketChanged), c => changes.Writer.TryWrite(c));
        await connection.StartAsync(Ct);

        var receipt = await (await SubmitAsync(Submission())).ReadAsync<PublicSubmissionReceipt>(HttpStatusCode.Accepted);
        var open311 = await anonymous.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(
            [new("api_key", apiKey), new("service_code", "sw-ts"), new("address_string", "西城区金融街"), new("description", "整栋楼停水")]), Ct);
        await open311.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var open311Number = System.Text.Json.JsonDocument.Parse(await open311.Content.ReadAsStringAsync(Ct)).RootElement[0].GetProperty("service_request_id").GetString();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        var pending = new HashSet<string?> { receipt.Number, open311Number };
        while (pending.Count > 0)
        {
            var seen = await changes.Reader.ReadAsync(timeout.Token);
            if (pending.Remove(seen.Number))
            {
                seen.Status.ShouldBe(TicketStatus.Registered);
            }
        }
    }

    public sealed class OnSqlite(CitizenSqliteFixture fixture) : PublicSubmissionTests(fixture), IClassFixture<CitizenSqliteFixture>;

    public sealed class OnPostgreSql(CitizenPostgresFixture fixture) : PublicSubmissionTests(fixture), IClassFixture<CitizenPostgresFixture>;
}
