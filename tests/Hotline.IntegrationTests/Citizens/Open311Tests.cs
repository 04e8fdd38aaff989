using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Hotline.Contracts;
using Hotline.Contracts.Citizens;
using Hotline.Contracts.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Citizens;

/// <summary>Every Open311 GeoReport v2 endpoint in JSON and XML, with the spec's error lists and status codes.</summary>
public abstract class Open311Tests(ApiFixture fixture) : CitizenTestBase(fixture)
{
    public static TheoryData<string> Formats => ["json", "xml"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Discovery_Should_DescribeTheEndpoint_When_Asked(string format)
    {
        var (root, items) = await GetAsync($"/open311/v2/discovery.{format}", format, HttpStatusCode.OK, "endpoints", "endpoint");

        root.ShouldBe(Root(format, "discovery"));
        var endpoint = items.ShouldHaveSingleItem();
        endpoint["specification"].ShouldBe("http://wiki.open311.org/GeoReport_v2");
        endpoint["url"].ShouldEndWith("/open311/v2");
        endpoint["type"].ShouldBe("production");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Services_Should_ListLeafCategoriesWithTheirGroup_When_Asked(string format)
    {
        var (root, services) = await GetAsync($"/open311/v2/services.{format}", format, HttpStatusCode.OK, null, "service");

        root.ShouldBe(Root(format, "services"));
        var noise = services.Single(s => s["service_code"] == "hj-zs");
        noise["service_name"].ShouldBe("噪声扰民");
        noise["group"].ShouldBe("生态环境");
        noise["metadata"].ShouldBe("true");
        noise["type"].ShouldBe("realtime");
        services.ShouldNotContain(s => s["service_code"] == "hj");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ServiceDefinition_Should_ListDistrictStreetAndExtraAttributes_When_TheServiceNeedsThem(string format)
    {
        var (root, attributes) = await GetAsync($"/open311/v2/services/hj-zs.{format}", format, HttpStatusCode.OK, "attributes", "attribute");

        root.ShouldBe(Root(format, "service_definition"));
        attributes.Select(a => a["code"]).ShouldBe(["district", "street", "noise_period"]);
        attributes[0]["required"].ShouldBe("true");
        attributes[0]["datatype"].ShouldBe("singlevaluelist");
        attributes[2]["required"].ShouldBe("true");

        var (errorRoot, errors) = await GetAsync($"/open311/v2/services/nope.{format}", format, HttpStatusCode.NotFound, null, "error");
        errorRoot.ShouldBe(Root(format, "errors"));
        errors.ShouldHaveSingleItem()["code"].ShouldBe("404");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task CreateRequest_Should_Answer403_When_TheApiKeyIsMissingWrongOrRevoked(string format)
    {
        var before = await TicketTotalAsync();
        var key = await IssueKeyAsync("待吊销的客户端");
        using (var admin = await ClientAsync("admin"))
        {
            var keys = await (await admin.GetAsync("/api/admin/open311-keys", Ct)).ReadAsync<List<Open311KeyDto>>();
            var issued = keys.Single(k => key.StartsWith(k.KeyPrefix, StringComparison.Ordinal) && k.Name == "待吊销的客户端");
            (await admin.GetStringAsync("/api/admin/open311-keys", Ct)).ShouldNotContain(key);
            (await (await admin.DeleteAsync($"/api/admin/open311-keys/{issued.Id}", Ct)).ReadAsync<Open311KeyDto>()).RevokedAt.ShouldNotBeNull();
        }

        foreach (var apiKey in new[] { null, "not-a-key", key })
        {
            var (root, errors) = await PostAsync(format, Form(apiKey), HttpStatusCode.Forbidden);
            root.ShouldBe(Root(format, "errors"));
            var error = errors.ShouldHaveSingleItem();
            error["code"].ShouldBe("403");
            error["description"].ShouldBe("Invalid api_key received -- can't proceed with create_request.");
        }

        (await TicketTotalAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task CreateRequest_Should_RegisterAnOpen311OrderAndGetItWithoutPersonalFields_When_Valid(string format)
    {
        var key = await IssueKeyAsync();
        var form = Form(key);
        form.AddRange([new("first_name", "小红"), new("last_name", "李"), new("phone", "13900001111"), new("email", "li@example.cn"), new("media_url", "https://img.example.cn/1.jpg")]);

        var (root, created) = await PostAsync(format, form, HttpStatusCode.Created);

        root.ShouldBe(Root(format, "service_requests"));
        var id = created.ShouldHaveSingleItem()["service_request_id"]!;
        created[0]["service_notice"]!.ShouldContain("查询码");
        var ticket = await TicketByNumberAsync(id);
        ticket.Channel.ShouldBe(Channel.Open311);
        ticket.Status.ShouldBe(TicketStatus.Registered);
        ticket.CategoryCode.ShouldBe("hj-zs");
        ticket.Citizen.Name.ShouldBe("李小红");
        ticket.Location.DistrictCode.ShouldBe("cy");
        ticket.Location.Latitude.ShouldBe(39.9219);
        var registered = ticket.Timeline.Single();
        registered.ActorUserName.ShouldBe("Open311：城市治理App");
        registered.Note!.ShouldContain("夜间");

        var response = await Fixture.AnonymousClient().GetAsync($"/open311/v2/requests/{id}.{format}", Ct);
        var raw = await response.Content.ReadAsStringAsync(Ct);
        var (getRoot, requests) = await ParseAsync(response, format, HttpStatusCode.OK, null, "request");
        getRoot.ShouldBe(Root(format, "service_requests"));
        var request = requests.ShouldHaveSingleItem();
        request["service_request_id"].ShouldBe(id);
        request["status"].ShouldBe("open");
        request["service_code"].ShouldBe("hj-zs");
        request["description"].ShouldBe("夜里广场舞音响太响");
        request["media_url"].ShouldBe("https://img.example.cn/1.jpg");
        request["requested_datetime"]!.ShouldEndWith("+08:00");
        foreach (var personal in new[] { "小红", "13900001111", "li@example.cn", "first_name", "phone", "email" })
        {
            raw.ShouldNotContain(personal);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task CreateRequest_Should_Answer400WithEveryError_When_TheRequestIsIncomplete(string format)
    {
        var key = await IssueKeyAsync();
        var before = await TicketTotalAsync();

        var (_, noService) = await PostAsync(format, [new("api_key", key), new("lat", "39.9")], HttpStatusCode.BadRequest);
        var (_, unknown) = await PostAsync(format, [new("api_key", key), new("service_code", "xx"), new("address_string", "朝阳区")], HttpStatusCode.BadRequest);
        var (root, incomplete) = await PostAsync(format, [new("api_key", key), new("service_code", "hj-zs"), new("attribute[noise_period]", "noon"), new("attribute[color]", "red")], HttpStatusCode.BadRequest);

        root.ShouldBe(Root(format, "errors"));
        noService.Select(e => e["description"]).ShouldContain(d => d!.Contains("service_code"));
        noService.Select(e => e["description"]).ShouldContain(d => d!.Contains("lat and long"));
        unknown.ShouldContain(e => e["description"]!.Contains("not a known service"));
        incomplete.ShouldAllBe(e => e["code"] == "400");
        incomplete.Select(e => e["description"]).ShouldContain(d => d!.Contains("location is required"));
        incomplete.Select(e => e["description"]).ShouldContain(d => d!.Contains("attribute[noise_period]"));
        incomplete.Select(e => e["description"]).ShouldContain(d => d!.Contains("attribute[color]"));
        (await TicketTotalAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task CreateRequest_Should_TakeTheDistrictFromTheAddressAndHonourTheIdempotencyKey_When_NoDistrictAttributeIsSent(string format)
    {
        var key = await IssueKeyAsync();
        var before = await TicketTotalAsync();
        List<KeyValuePair<string, string>> form = [new("api_key", key), new("service_code", "cs-ld"), new("address_string", "海淀区中关村大街27号"), new("attribute[pole_number]", "ZGC-0815"), new("description", "路灯不亮")];
        var idempotencyKey = Guid.NewGuid().ToString("N");

        var (_, first) = await PostAsync(format, form, HttpStatusCode.Created, idempotencyKey);
        var (_, again) = await PostAsync(format, form, HttpStatusCode.OK, idempotencyKey);

        again[0]["service_request_id"].ShouldBe(first[0]["service_request_id"]);
        (await TicketByNumberAsync(first[0]["service_request_id"]!)).Location.DistrictCode.ShouldBe("hd");
        (await TicketTotalAsync()).ShouldBe(before + 1);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task SearchRequests_Should_FilterByIdsCodeAndStatus_When_Asked(string format)
    {
        var key = await IssueKeyAsync();
        var (_, a) = await PostAsync(format, Form(key), HttpStatusCode.Created);
        var (_, b) = await PostAsync(format, Form(key), HttpStatusCode.Created);
        var web = await (await SubmitAsync(Submission())).ReadAsync<PublicSubmissionReceipt>(HttpStatusCode.Accepted);
        var phone = await RegisterAsync();
        var idA = a[0]["service_request_id"]!;
        var idB = b[0]["service_request_id"]!;
        using (var agent = await ClientAsync("agent"))
        {
            var ticket = await TicketByNumberAsync(idB);
            await (await agent.PostAsJsonAsync($"/api/tickets/{ticket.Id}/answer", new AnswerRequest("已协调城管执法队夜间巡查。", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        }

        var (_, byIds) = await GetAsync($"/open311/v2/requests.{format}?service_request_id={idA},{idB},{web.Number},{phone.Number}", format, HttpStatusCode.OK, null, "request");
        var (_, closed) = await GetAsync($"/open311/v2/requests.{format}?service_code=hj-zs&status=closed", format, HttpStatusCode.OK, null, "request");
        var (_, open) = await GetAsync($"/open311/v2/requests.{format}?service_code=hj-zs&status=open", format, HttpStatusCode.OK, null, "request");
        var (_, all) = await GetAsync($"/open311/v2/requests.{format}", format, HttpStatusCode.OK, null, "request");

        byIds.Select(r => r["service_request_id"]).ShouldBe([idA, idB], ignoreOrder: true);
        var answered = byIds.Single(r => r["service_request_id"] == idB);
        answered["status"].ShouldBe("closed");
        answered["status_notes"].ShouldBe("已办结");
        closed.Select(r => r["service_request_id"]).ShouldContain(idB);
        closed.ShouldAllBe(r => r["status"] == "closed");
        open.Select(r => r["service_request_id"]).ShouldContain(idA);
        open.ShouldNotContain(r => r["service_request_id"] == idB);
        all.Select(r => r["service_request_id"]).ShouldContain(idA);
        all.ShouldNotContain(r => r["service_request_id"] == phone.Number || r["service_request_id"] == web.Number);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task SearchRequests_Should_Answer400_When_TheFiltersAreInvalid(string format)
    {
        foreach (var query in new[] { "start_date=2026-01-01T00:00:00%2B08:00&end_date=2026-06-01T00:00:00%2B08:00", "start_date=yesterday", "status=pending" })
        {
            var (root, errors) = await GetAsync($"/open311/v2/requests.{format}?{query}", format, HttpStatusCode.BadRequest, null, "error");
            root.ShouldBe(Root(format, "errors"));
            errors.ShouldNotBeEmpty();
            errors.ShouldAllBe(e => e["code"] == "400");
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Open311_Should_Answer404ErrorLists_When_TheResourceIsUnknown(string format)
    {
        var (root, errors) = await GetAsync($"/open311/v2/requests/19990101000001.{format}", format, HttpStatusCode.NotFound, null, "error");
        var (otherRoot, _) = await GetAsync($"/open311/v2/tokens/abc.{format}", format, HttpStatusCode.NotFound, null, "error");

        root.ShouldBe(Root(format, "errors"));
        otherRoot.ShouldBe(Root(format, "errors"));
        errors.ShouldHaveSingleItem()["code"].ShouldBe("404");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task SearchRequests_Should_Answer400_When_TheDatesOverflowOrLackAnOffset(string format)
    {
        foreach (var query in new[] { "start_date=9999-12-30T00:00:00Z", "end_date=0001-01-02T00:00:00Z", "start_date=2026-11-01T00:00:00", "end_date=2026-11-01", "start_date=11/01/2026" })
        {
            var (root, errors) = await GetAsync($"/open311/v2/requests.{format}?{query}", format, HttpStatusCode.BadRequest, null, "error");
            root.ShouldBe(Root(format, "errors"));
            errors.ShouldAllBe(e => e["code"] == "400");
        }

        await GetAsync($"/open311/v2/requests.{format}?start_date=2026-11-01T00:00:00Z&end_date=2026-11-02T00:00:00.5%2B08:00", format, HttpStatusCode.OK, null, "request");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Open311_Should_AnswerInTheRequestedFormat_When_TheExtensionIsUpperCase(string format)
    {
        var upper = format.ToUpperInvariant();

        var (root, _) = await GetAsync($"/open311/v2/discovery.{upper}", format, HttpStatusCode.OK, "endpoints", "endpoint");
        var (errorsRoot, _) = await GetAsync($"/open311/v2/requests.{upper}?status=pending", format, HttpStatusCode.BadRequest, null, "error");

        root.ShouldBe(Root(format, "discovery"));
        errorsRoot.ShouldBe(Root(format, "errors"));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task CreateRequest_Should_AcceptMultipartAndAnswer400_When_TheBodyIsNotUrlEncoded(string format)
    {
        var key = await IssueKeyAsync();
        var before = await TicketTotalAsync();
        using var client = Fixture.AnonymousClient();
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in Form(key))
        {
            multipart.Add(new StringContent(value), name);
        }

        var (_, created) = await ParseAsync(await client.PostAsync($"/open311/v2/requests.{format}", multipart, Ct), format, HttpStatusCode.Created, null, "request");
        created.ShouldHaveSingleItem()["service_request_id"].ShouldNotBeNull();
        foreach (HttpContent? body in new HttpContent?[] { null, new StringContent("api_key=" + key, System.Text.Encoding.UTF8, "text/plain"), JsonContent.Create(new { api_key = key, service_code = "hj-zs" }) })
        {
            var (root, errors) = await ParseAsync(await client.PostAsync($"/open311/v2/requests.{format}", body, Ct), format, HttpStatusCode.BadRequest, null, "error");
            root.ShouldBe(Root(format, "errors"));
            errors.ShouldHaveSingleItem()["description"]!.ShouldContain("form-encoded");
        }

        (await TicketTotalAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task SearchRequests_Should_PublishAFixedStatusNoteAndNeverTheAnswer_When_TheOrderIsAnswered()
    {
        var key = await IssueKeyAsync();
        var (_, created) = await PostAsync("json", Form(key), HttpStatusCode.Created);
        var id = created[0]["service_request_id"]!;
        var ticket = await TicketByNumberAsync(id);
        using (var agent = await ClientAsync("agent"))
        {
            await (await agent.PostAsJsonAsync($"/api/tickets/{ticket.Id}/answer", new AnswerRequest("已电话联系李小红女士，说明了夜间巡查安排。", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        }

        using var anonymous = Fixture.AnonymousClient();
        var search = await anonymous.GetStringAsync($"/open311/v2/requests.json?service_request_id={id}", Ct);
        var single = await anonymous.GetStringAsync($"/open311/v2/requests/{id}.xml", Ct);
        var code = System.Text.RegularExpressions.Regex.Match(created[0]["service_notice"]!, @"查询码 (\S+?)。").Groups[1].Value;
        var tracking = await (await anonymous.GetAsync($"/api/public/submissions/{code}", Ct)).ReadAsync<PublicSubmissionStatus>();

        foreach (var raw in new[] { search, single })
        {
            raw.ShouldNotContain("李小红");
            raw.ShouldNotContain("夜间巡查安排");
            raw.ShouldContain("已办结");
        }

        tracking.Answer.ShouldBe("已电话联系李小红女士，说明了夜间巡查安排。");
    }

    [Fact]
    public async Task CreateRequest_Should_ReplayTheFirstOrder_When_ARetryReordersTheFieldsAndPadsTheValues()
    {
        var key = await IssueKeyAsync();
        var before = await TicketTotalAsync();
        var idempotencyKey = Guid.NewGuid().ToString("N");
        List<KeyValuePair<string, string>> form = [new("api_key", key), new("service_code", "cs-ld"), new("address_string", "海淀区中关村大街27号"), new("attribute[district]", "hd"), new("attribute[pole_number]", "ZGC-0815"), new("lat", "39.98"), new("long", "116.31"), new("description", "路灯不亮")];
        List<KeyValuePair<string, string>> retry = [new("lat", "39.980"), new("attribute[pole_number]", " ZGC-0815 "), new("description", "路灯不亮 "), new("long", "116.3100"), new("attribute[district]", "hd"), new("service_code", "cs-ld"), new("address_string", "海淀区中关村大街27号"), new("api_key", key)];

        var (_, first) = await PostAsync("json", form, HttpStatusCode.Created, idempotencyKey);
        var (_, again) = await PostAsync("json", retry, HttpStatusCode.OK, idempotencyKey);

        again[0]["service_request_id"].ShouldBe(first[0]["service_request_id"]);
        (await TicketTotalAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task CreateRequest_Should_Answer400_When_AScalarFieldIsRepeated_And403_When_TheKeyIsOnlyInTheUrl()
    {
        var key = await IssueKeyAsync();
        var before = await TicketTotalAsync();
        var form = Form(key);
        form.Add(new("description", "第二段描述"));

        var (_, repeated) = await PostAsync("json", form, HttpStatusCode.BadRequest);
        using var client = Fixture.AnonymousClient();
        var inUrl = await client.PostAsync($"/open311/v2/requests.json?api_key={key}", new FormUrlEncodedContent(Form(null)), Ct);

        repeated.ShouldHaveSingleItem()["description"]!.ShouldContain("description was sent 2 times");
        await ParseAsync(inUrl, "json", HttpStatusCode.Forbidden, null, "error");
        (await TicketTotalAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task PublicResponses_Should_CarryHardeningHeaders_When_Served()
    {
        using var anonymous = Fixture.AnonymousClient();
        var receipt = await (await SubmitAsync(Submission())).ReadAsync<PublicSubmissionReceipt>(HttpStatusCode.Accepted);

        var tracking = await anonymous.GetAsync($"/api/public/submissions/{receipt.TrackingCode}", Ct);
        var open311 = await anonymous.GetAsync("/open311/v2/services.json", Ct);
        var catalogue = await anonymous.GetAsync("/api/public/catalogue", Ct);
        var page = await anonymous.GetAsync("/citizen/", Ct);

        tracking.StatusCode.ShouldBe(HttpStatusCode.OK);
        tracking.Headers.CacheControl!.NoStore.ShouldBeTrue();
        foreach (var response in new[] { tracking, open311, catalogue })
        {
            response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        }

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
    }

    [Fact]
    public void Discovery_Should_AdvertiseTheConfiguredPublicUrl_When_OneIsSet()
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Request.Scheme = "http";
        http.Request.Host = new Microsoft.AspNetCore.Http.HostString("evil.example");

        var configured = Hotline.Api.Citizens.Open311.Open311Wire.Discovery(new Hotline.Api.Citizens.Open311.Open311Options { PublicBaseUrl = "https://12345.example.gov.cn/" }, http.Request);
        var fallback = Hotline.Api.Citizens.Open311.Open311Wire.Discovery(new Hotline.Api.Citizens.Open311.Open311Options(), http.Request);

        Url(configured).ShouldBe("https://12345.example.gov.cn/open311/v2");
        Url(fallback).ShouldBe("http://evil.example/open311/v2");

        static string? Url(object discovery)
        {
            var endpoints = (Hotline.Api.Citizens.Open311.Open311List)((Hotline.Api.Citizens.Open311.Open311Node)discovery).Single(f => f.Key == "endpoints").Value!;
            return ((Hotline.Api.Citizens.Open311.Open311Node)endpoints.Items[0]!).Single(f => f.Key == "url").Value as string;
        }
    }

    [Fact]
    public async Task Open311Keys_Should_BeForAdminsOnly_When_AnotherRoleAsks()
    {
        using var agent = await ClientAsync("agent");

        (await agent.GetAsync("/api/admin/open311-keys", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.PostAsJsonAsync("/api/admin/open311-keys", new CreateOpen311KeyRequest("x"), Json.Options, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var admin = await ClientAsync("admin");
        (await admin.PostAsJsonAsync("/api/admin/open311-keys", new CreateOpen311KeyRequest(" "), Json.Options, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GetRequest_Should_WriteWellFormedXml_When_TheTextHasControlCharactersOrEmoji()
    {
        var key = await IssueKeyAsync();
        var form = Form(key);
        form.RemoveAll(f => f.Key == "description");
        form.Add(new("description", "噪音\u0001很大😡"));
        var (_, created) = await PostAsync("xml", form, HttpStatusCode.Created);

        var (_, requests) = await GetAsync($"/open311/v2/requests/{created[0]["service_request_id"]}.xml", "xml", HttpStatusCode.OK, null, "request");

        requests.ShouldHaveSingleItem()["description"].ShouldBe("噪音\uFFFD很大😡");
        (await TicketByNumberAsync(created[0]["service_request_id"]!)).Content.ShouldBe("噪音\u0001很大😡");
    }

    [Fact]
    public async Task OpenApi_Should_DescribeTheCitizenRoutes_When_Requested()
    {
        using var anonymous = Fixture.AnonymousClient();

        var document = await anonymous.GetStringAsync("/openapi/v1.json", Ct);

        foreach (var route in new[] { "/api/public/submissions", "/api/public/submissions/{trackingCode}", "/api/admin/open311-keys", "/open311/v2/requests.{format}", "/open311/v2/services/{service_code}.{format}", "/open311/v2/discovery.{format}", "/api/tickets/{id}/classification" })
        {
            document.ShouldContain($"\"{route}\"");
        }

        document.ShouldContain("multipart/form-data");
    }

    private static List<KeyValuePair<string, string>> Form(string? apiKey)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("service_code", "hj-zs"),
            new("lat", "39.9219"),
            new("long", "116.4436"),
            new("address_string", "工人体育场北路"),
            new("attribute[district]", "cy"),
            new("attribute[noise_period]", "night"),
            new("description", "夜里广场舞音响太响"),
        ];
        if (apiKey is not null)
        {
            form.Add(new("api_key", apiKey));
        }

        return form;
    }

    private async Task<(string Root, List<Dictionary<string, string?>> Items)> PostAsync(string format, List<KeyValuePair<string, string>> form, HttpStatusCode expected, string? idempotencyKey = null)
    {
        using var client = Fixture.AnonymousClient();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/open311/v2/requests.{format}") { Content = new FormUrlEncodedContent(form) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await ParseAsync(await client.SendAsync(request, Ct), format, expected, null, expected is HttpStatusCode.Created or HttpStatusCode.OK ? "request" : "error");
    }

    private async Task<(string Root, List<Dictionary<string, string?>> Items)> GetAsync(string path, string format, HttpStatusCode expected, string? listField, string itemName)
    {
        using var client = Fixture.AnonymousClient();
        return await ParseAsync(await client.GetAsync(path, Ct), format, expected, listField, itemName);
    }

    /// <summary>Reads either format into the same shape: the XML root's name (in JSON "array" or "object") and the items' scalar fields (empty → null).</summary>
    private static async Task<(string Root, List<Dictionary<string, string?>> Items)> ParseAsync(HttpResponseMessage response, string format, HttpStatusCode expected, string? listField, string itemName)
    {
        await response.ShouldHaveStatusAsync(expected);
        var body = await response.Content.ReadAsStringAsync(Ct);
        if (format == "json")
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
            var root = JsonDocument.Parse(body).RootElement;
            var list = listField is null ? root : root.GetProperty(listField);
            var items = list.EnumerateArray().Select(item => item.EnumerateObject()
                .Where(p => p.Value.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object))
                .ToDictionary(p => p.Name, p => p.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => p.Value.GetString() is { Length: > 0 } s ? s : null,
                    _ => p.Value.GetRawText(),
                })).ToList();
            return (root.ValueKind == JsonValueKind.Array ? "array" : "object", items);
        }

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/xml");
        var document = XDocument.Parse(body);
        var container = listField is null ? document.Root! : document.Root!.Element(listField)!;
        return (document.Root!.Name.LocalName, container.Elements(itemName)
            .Select(e => e.Elements().Where(c => !c.HasElements).ToDictionary(c => c.Name.LocalName, c => c.Value.Length > 0 ? c.Value : null))
            .ToList());
    }

    /// <summary>The root the spec prescribes: the XML root element, or in JSON a list or a single object.</summary>
    private static string Root(string format, string xmlRoot) =>
        format == "xml" ? xmlRoot : xmlRoot is "discovery" or "service_definition" ? "object" : "array";

    public sealed class OnSqlite(CitizenSqliteFixture fixture) : Open311Tests(fixture), IClassFixture<CitizenSqliteFixture>;

    public sealed class OnPostgreSql(CitizenPostgresFixture fixture) : Open311Tests(fixture), IClassFixture<CitizenPostgresFixture>;
}
