using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hotline.Contracts;
using Hotline.Contracts.Reference;
using Hotline.Contracts.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Hosting;

/// <summary>
/// The malformed requests an outside probe answered with 500 or accepted too laxly (issue 15): each is now a 400
/// (or the domain's 409) and changes nothing, on every provider.
/// </summary>
public abstract class MalformedInputTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task RequestExtension_Should_Answer400_When_TheDateIsOutsideTheWindow()
    {
        var ticket = await RegisterAndDispatchAsync();
        await AcceptAsync(ticket.Id, "water");
        using var water = await ClientAsync("water");

        foreach (var date in new[] { "9999-12-31T16:00:00Z", "2100-12-31T20:00:00Z", "1999-12-31T00:00:00+08:00" })
        {
            var response = await PostJsonAsync(water, $"/api/tickets/{ticket.Id}/extension-requests", $$"""{"newReplyDueAt":"{{date}}","reason":"需协调"}""");

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("$.newReplyDueAt", date);
        }

        (await TicketAsync(ticket.Id)).PendingExtension.ShouldBeNull();
    }

    [Fact]
    public async Task RequestExtension_Should_Answer409_When_TheNewDeadlineIsMoreThan60DaysPastTheCurrentOne()
    {
        var ticket = await RegisterAndDispatchAsync();
        var accepted = await AcceptAsync(ticket.Id, "water");
        using var water = await ClientAsync("water");

        var tooFar = accepted.Deadlines.ReplyDueAt!.Value.AddDays(61);
        var response = await water.PostAsJsonAsync($"/api/tickets/{ticket.Id}/extension-requests", new ExtensionRequest(tooFar, "需协调", null), Json.Options, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await TicketAsync(ticket.Id)).PendingExtension.ShouldBeNull();
        var inWindow = await water.PostAsJsonAsync($"/api/tickets/{ticket.Id}/extension-requests", new ExtensionRequest(accepted.Deadlines.ReplyDueAt!.Value.AddDays(59), "需协调", null), Json.Options, Ct);
        (await inWindow.ReadAsync<TicketDto>()).PendingExtension.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("/api/regions/zz", """{"name":"x","streets":[null]}""", "streets[0]")]
    [InlineData("/api/categories/zz", """{"name":"x","children":[null]}""", "children[0]")]
    [InlineData("/api/calendar/2099", "[null]", "days[0]")]
    public async Task AdminWrite_Should_Answer400_When_AListHoldsANull(string path, string body, string field)
    {
        using var admin = await ClientAsync("admin");

        var response = await SendJsonAsync(admin, HttpMethod.Put, path, body);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain(field);
    }

    [Theory]
    [InlineData("\"Normal,Urgent\"")]
    [InlineData("\"normal\"")]
    [InlineData("2")]
    [InlineData("\"2\"")]
    [InlineData("\" Normal\"")]
    public async Task Register_Should_Answer400AndRegisterNothing_When_AnEnumIsNotExactlyAName(string urgency)
    {
        var before = await TicketTotalAsync();
        using var agent = await ClientAsync("agent");

        var response = await PostJsonAsync(agent, "/api/tickets", RegisterBody($"\"urgency\":{urgency}"));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("$.urgency");
        (await TicketTotalAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("\"citizen\":{\"name\":\"王女士\",\"phone\":\"13812345678\"}", "confidential")]
    [InlineData("\"content\":\"停水\\u0000三天\"", "content")]
    [InlineData("\"citizen\":{\"name\":\"王\\u0000\",\"phone\":\"13812345678\",\"confidential\":false}", "citizen.name")]
    public async Task Register_Should_Answer400AndRegisterNothing_When_AFieldIsMissingOrHoldsANul(string field, string error)
    {
        var before = await TicketTotalAsync();
        using var agent = await ClientAsync("agent");

        var response = await PostJsonAsync(agent, "/api/tickets", RegisterBody(field));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetRawText().ShouldContain(error);
        (await TicketTotalAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task SlaPolicy_Should_Answer400AndKeepThePolicy_When_ALimitHasNoUnitOrTheTierIsANumber()
    {
        using var admin = await ClientAsync("admin");
        var before = await (await admin.GetAsync("/api/sla-policies", Ct)).ReadAsync<List<SlaPolicyDto>>();
        const string body = """{"accept":{"value":30,"unit":"Minutes"},"contact":{"value":2,"unit":"Hours"},"reply":{"value":5,"unit":"WorkingDays"}}""";

        var noUnit = await SendJsonAsync(admin, HttpMethod.Put, "/api/sla-policies/Normal", body.Replace(",\"unit\":\"Hours\"", string.Empty, StringComparison.Ordinal));
        var numberTier = await SendJsonAsync(admin, HttpMethod.Put, "/api/sla-policies/0", body);
        var flagTier = await SendJsonAsync(admin, HttpMethod.Put, "/api/sla-policies/Normal,Urgent", body);
        var lowerTier = await SendJsonAsync(admin, HttpMethod.Put, "/api/sla-policies/emergency", body);

        (await noUnit.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetRawText().ShouldContain("unit");
        (await numberTier.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("tier");
        (await flagTier.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("tier");
        await lowerTier.ShouldBeProblemAsync(HttpStatusCode.BadRequest); // refused by the binder itself
        (await (await admin.GetAsync("/api/sla-policies", Ct)).ReadAsync<List<SlaPolicyDto>>()).ShouldBe(before);
    }

    [Theory]
    [InlineData("/api/kpis/orders?measure=Response,Dispatched")]
    [InlineData("/api/kpis/orders?measure=1")]
    [InlineData("/api/kpis/orders?measure=response&outcome=0")]
    [InlineData("/api/kpis/orders?measure=registered&channel=1")]
    [InlineData("/api/kpis/orders?measure=registered&type=Complaint,Report")]
    [InlineData("/api/kpis/orders?measure=response&districtCode=%00")]
    [InlineData("/api/kpis/orders/export?measure=response&format=1")]
    [InlineData("/api/kpis/honor-roll?month=2030-3")]
    public async Task KpiDrillDown_Should_Answer400_When_AnEnumIsNotExactlyANameOrAStringHoldsANul(string pathAndQuery)
    {
        using var supervisor = await ClientAsync("supervisor");

        await (await supervisor.GetAsync(pathAndQuery, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await supervisor.GetAsync("/api/kpis/orders?measure=response&outcome=met", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/tickets?status=0", "status")]
    [InlineData("/api/tickets?sort=1", "sort")]
    [InlineData("/api/tickets/export?flag=Hard,Typical", "flag")]
    [InlineData("/api/tickets?urgency=Normal,Urgent", "urgency")]
    [InlineData("/api/tickets?channel=phone", null)]
    [InlineData("/api/sla/preview?tier=1&from=2026-06-01T09:00:00%2B08:00", "tier")]
    [InlineData("/api/tickets?q=%00", "q")]
    public async Task Query_Should_Answer400_When_AnEnumIsNotExactlyANameOrAStringHoldsANul(string pathAndQuery, string? field)
    {
        using var agent = await ClientAsync("agent");

        var response = await agent.GetAsync(pathAndQuery, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        if (field is not null)
        {
            problem.ErrorFields().ShouldContain(field);
        }

        (await (await agent.GetAsync("/api/tickets?status=Registered&urgency=Normal&channel=Phone&pageSize=1", Ct)).ReadAsync<PagedResult<TicketListItemDto>>()).Total.ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task AdminWrite_Should_Answer400AndChangeNothing_When_ANestedStringHoldsANul()
    {
        using var admin = await ClientAsync("admin");

        var response = await SendJsonAsync(admin, HttpMethod.Put, "/api/regions/zz", """{"name":"新区","streets":[{"code":"zz-1","name":"街\u0000道"}]}""");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorFields().ShouldContain("streets[0].name");
        problem.GetRawText().ShouldContain("NUL");
        (await (await admin.GetAsync("/api/regions", Ct)).ReadAsync<List<RegionDto>>()).ShouldNotContain(r => r.Code == "zz");
    }

    [Theory]
    [InlineData("/api/phrases", "null", "")]
    [InlineData("/api/phrases", """{"name":"问候","body":"您\u0000好"}""", "body")]
    [InlineData("/api/phrases", """{"name":"问候","body":"您好","isActive":"yes"}""", "$.isActive")]
    [InlineData("/api/phrases", """{"name":"问候","body":"您好","sortOrder":1.5}""", "$.sortOrder")]
    [InlineData("/api/order-templates", """{"name":"停水","body":"停水","categoryCode":"sw-ts","type":"2"}""", "$.type")]
    [InlineData("/api/reply-templates", """{"name":"答复","body":"您好","unitId":"water"}""", "$.unitId")]
    public async Task TemplateWrite_Should_Answer400AndSaveNothing_When_TheBodyIsMalformed(string path, string body, string field)
    {
        using var supervisor = await ClientAsync("supervisor");
        var before = await (await supervisor.GetAsync(path + "?includeInactive=true", Ct)).Content.ReadAsStringAsync(Ct);

        var response = await PostJsonAsync(supervisor, path, body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        if (field.Length > 0)
        {
            problem.ErrorFields().ShouldContain(field);
        }

        (await (await supervisor.GetAsync(path + "?includeInactive=true", Ct)).Content.ReadAsStringAsync(Ct)).ShouldBe(before);
    }

    [Fact]
    public async Task OpenApi_Should_DescribeEnumsAsTheirNames_When_Requested()
    {
        using var anonymous = Fixture.AnonymousClient();

        var document = System.Text.Json.JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json", Ct)).RootElement;

        var urgency = document.GetProperty("components").GetProperty("schemas").GetProperty("Urgency");
        urgency.GetProperty("type").GetString().ShouldBe("string");
        urgency.GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ShouldBe(Enum.GetNames<Urgency>());
    }

    private static string RegisterBody(string replacing)
    {
        var fields = new Dictionary<string, string>
        {
            ["channel"] = "\"channel\":\"Phone\"",
            ["type"] = "\"type\":\"Complaint\"",
            ["categoryCode"] = "\"categoryCode\":\"sw-ts\"",
            ["urgency"] = "\"urgency\":\"Normal\"",
            ["citizen"] = "\"citizen\":{\"name\":\"王女士\",\"phone\":\"13812345678\",\"confidential\":false}",
            ["location"] = "\"location\":{\"districtCode\":\"dc\",\"streetCode\":\"dc-dhm\",\"address\":\"东华门大街1号\"}",
            ["content"] = $"\"content\":\"停水三天 {Guid.NewGuid():N}\"",
        };
        fields[replacing[1..replacing.IndexOf('"', 1)]] = replacing;
        return "{" + string.Join(',', fields.Values) + "}";
    }

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, string json) => SendJsonAsync(client, HttpMethod.Post, path, json);

    private static async Task<HttpResponseMessage> SendJsonAsync(HttpClient client, HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return await client.SendAsync(request, Ct);
    }

    public sealed class OnSqlite(SqliteApiFixture fixture) : MalformedInputTests(fixture), IClassFixture<SqliteApiFixture>;

    public sealed class OnPostgreSql(PostgresApiFixture fixture) : MalformedInputTests(fixture), IClassFixture<PostgresApiFixture>;
}
