using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Hotline.Contracts.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Tickets;

/// <summary>Bad input answers 4xx ProblemDetails (never 500), names the field, and creates nothing.</summary>
public abstract class RegisterTicketValidationTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    private const string Valid = """
        {"channel":"Phone","type":"Complaint","categoryCode":"sw-ts","urgency":"Normal",
         "citizen":{"name":"测试","phone":"13812345678","confidential":false},
         "location":{"districtCode":"dc","streetCode":"dc-dhm","address":"东华门大街1号"},
         "content":"停水三天了"}
        """;

    public static TheoryData<string, string, string?> BadRegistrations() => new()
    {
        // case name, JSON body (or raw text), the field the errors must name (null: no field list expected)
        { "no content", Without("content"), "content" },
        { "empty content", With(o => o["content"] = "   "), "content" },
        { "no channel", Without("channel"), "channel" },
        { "no type", Without("type"), "type" },
        { "no urgency", Without("urgency"), "urgency" },
        { "no location", Without("location"), "location" },
        { "channel Foo", With(o => o["channel"] = "Foo"), "channel" },
        { "urgency Foo", With(o => o["urgency"] = "Foo"), "urgency" },
        { "channel as integer", With(o => o["channel"] = 0), "channel" },
        { "type as integer", With(o => o["type"] = 2), "type" },
        { "unknown category", With(o => o["categoryCode"] = "zz-zz"), "categoryCode" },
        { "non-leaf category", With(o => o["categoryCode"] = "sw"), "categoryCode" },
        { "unknown district", With(o => o["location"]!["districtCode"] = "zz"), "location.districtCode" },
        { "street of another district", With(o => o["location"]!["streetCode"] = "xc-ssh"), "location.streetCode" },
        { "content of 4001 chars", With(o => o["content"] = new string('水', 4001)), "content" },
        { "phone abc", With(o => o["citizen"]!["phone"] = "abc"), "citizen.phone" },
        { "latitude 91", With(o => o["location"]!["latitude"] = 91), "location.latitude" },
        { "content as number", With(o => o["content"] = 42), "content" },
        { "broken JSON", "{\"channel\":\"Phone\",", null },
        { "JSON array", "[" + Valid + "]", null },
        { "JSON null", "null", null },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task Register_Should_Answer400ProblemAndCreateNothing_When_BodyIsInvalid(string name, string body, string? field)
    {
        var before = await TicketTotalAsync();
        using var agent = await ClientAsync("agent");

        var response = await agent.PostAsync("/api/tickets", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        if (field is not null)
        {
            problem.ErrorFields().ShouldContain(f => f.Equals(field, StringComparison.Ordinal) || f.Equals("$." + field, StringComparison.Ordinal), $"case '{name}': {problem}");
        }

        (await TicketTotalAsync()).ShouldBe(before, $"case '{name}' created an order");
    }

    /// <summary>
    /// Known bug: RegisterTicketValidator puts <c>.When(code is not empty)</c> after <c>NotEmpty().MustAsync(...)</c>, and
    /// FluentValidation applies a trailing When to the whole chain, so NotEmpty never runs for categoryCode and
    /// location.districtCode: a missing code reaches the database (NOT NULL, 500) and an empty one is stored (201).
    /// </summary>
    public static TheoryData<string, string, string> MissingCodes() => new()
    {
        { "no category", Without("categoryCode"), "categoryCode" },
        { "empty category", With(o => o["categoryCode"] = ""), "categoryCode" },
        { "no district", With(o => o["location"]!.AsObject().Remove("districtCode")), "location.districtCode" },
        { "no district and no street", With(o => { o["location"]!.AsObject().Remove("districtCode"); o["location"]!.AsObject().Remove("streetCode"); }), "location.districtCode" },
        { "empty district", With(o => { o["location"]!["districtCode"] = ""; o["location"]!.AsObject().Remove("streetCode"); }), "location.districtCode" },
    };

    [Theory]
    [MemberData(nameof(MissingCodes))]
    public async Task Register_Should_Answer400ProblemNamingTheField_When_ARequiredCodeIsMissingOrEmpty(string name, string body, string field)
    {
        var before = await TicketTotalAsync();
        using var agent = await ClientAsync("agent");

        var response = await agent.PostAsync("/api/tickets", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorFields().ShouldContain(field, $"case '{name}': {problem}");
        (await TicketTotalAsync()).ShouldBe(before, $"case '{name}' created an order");
    }

    [Fact]
    public async Task Register_Should_Answer400Problem_When_BodyIsEmpty()
    {
        var before = await TicketTotalAsync();
        using var agent = await ClientAsync("agent");

        var response = await agent.PostAsync("/api/tickets", new StringContent(string.Empty, Encoding.UTF8, "application/json"), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await TicketTotalAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Register_Should_Answer415Problem_When_ContentTypeIsTextPlain()
    {
        var before = await TicketTotalAsync();
        using var agent = await ClientAsync("agent");

        var response = await agent.PostAsync("/api/tickets", new StringContent(Valid, Encoding.UTF8, "text/plain"), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        (await TicketTotalAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Register_Should_Answer413Or400Problem_When_BodyIsOverOneMegabyte()
    {
        var before = await TicketTotalAsync();
        using var agent = await ClientAsync("agent");
        var body = With(o => o["content"] = new string('x', 1_100_000));

        var response = await agent.PostAsync("/api/tickets", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest);
        await response.ShouldBeProblemAsync();
        (await TicketTotalAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", null)]
    [InlineData("status=Foo", null)]
    public async Task ListTickets_Should_Answer400Problem_When_QueryIsInvalid(string query, string? field)
    {
        using var agent = await ClientAsync("agent");

        var response = await agent.GetAsync($"/api/tickets?{query}", Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        if (field is not null)
        {
            problem.ErrorFields().ShouldContain(field);
        }
    }

    [Fact]
    public async Task RequestExtension_Should_Answer400Problem_When_NewReplyDueAtHasNoOffset()
    {
        var ticket = await RegisterAndDispatchAsync();
        await AcceptAsync(ticket.Id, "water");
        using var water = await ClientAsync("water");

        var response = await water.PostAsync(
            $"/api/tickets/{ticket.Id}/extension-requests",
            new StringContent("""{"newReplyDueAt":"2026-12-01T10:00:00","reason":"需协调产权单位"}""", Encoding.UTF8, "application/json"),
            Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorFields().ShouldContain(f => f.Contains("newReplyDueAt", StringComparison.Ordinal));
        using var agent = await ClientAsync("agent");
        (await (await agent.GetAsync($"/api/tickets/{ticket.Id}", Ct)).ReadAsync<TicketDto>()).PendingExtension.ShouldBeNull();
    }

    [Theory]
    [InlineData("callback", """{"outcome":"Foo","solved":true}""")]
    [InlineData("callback", """{"outcome":0,"solved":true}""")]
    [InlineData("agent", """{"leadUnitId":"not-a-guid"}""")]
    [InlineData("agent", "{")]
    public async Task Transition_Should_Answer400Problem_When_BodyCannotBeRead(string userName, string body)
    {
        var ticket = await RegisterAsync();
        var route = userName == "callback" ? "callback" : "dispatch";
        using var client = await ClientAsync(userName);

        var response = await client.PostAsync($"/api/tickets/{ticket.Id}/{route}", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        using var agent = await ClientAsync("agent");
        (await (await agent.GetAsync($"/api/tickets/{ticket.Id}", Ct)).ReadAsync<TicketDto>()).Version.ShouldBe(ticket.Version);
    }

    [Fact]
    public async Task SignIn_Should_Answer400Problem_When_JsonIsBroken()
    {
        using var anonymous = Fixture.AnonymousClient();

        var response = await anonymous.PostAsync("/api/auth/token", new StringContent("{\"userName\":", Encoding.UTF8, "application/json"), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private static string Without(string property) => With(o => o.Remove(property));

    private static string With(Action<JsonObject> change)
    {
        var body = JsonNode.Parse(Valid)!.AsObject();
        change(body);
        return body.ToJsonString();
    }

    public sealed class OnSqlite(SqliteApiFixture fixture) : RegisterTicketValidationTests(fixture), IClassFixture<SqliteApiFixture>;

    public sealed class OnPostgreSql(PostgresApiFixture fixture) : RegisterTicketValidationTests(fixture), IClassFixture<PostgresApiFixture>;
}
