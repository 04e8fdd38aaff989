using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Auth;
using Hotline.Contracts.Reference;
using Hotline.Contracts.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Reference;

/// <summary>Reference data any signed-in user reads, and what only an Admin may change.</summary>
public abstract class ReferenceDataTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Theory]
    [InlineData("agent")]
    [InlineData("water")]
    [InlineData("callback")]
    public async Task ReadReferenceData_Should_Answer200_When_AnyStaffIsSignedIn(string userName)
    {
        using var client = await ClientAsync(userName);

        var units = await (await client.GetAsync("/api/units", Ct)).ReadAsync<List<UnitDto>>();
        var regions = await (await client.GetAsync("/api/regions", Ct)).ReadAsync<List<RegionDto>>();
        var categories = await (await client.GetAsync("/api/categories", Ct)).ReadAsync<List<CategoryDto>>();
        var rules = await (await client.GetAsync("/api/dispatch-rules", Ct)).ReadAsync<List<DispatchRuleDto>>();
        var policies = await (await client.GetAsync("/api/sla-policies", Ct)).ReadAsync<List<SlaPolicyDto>>();

        units.ShouldContain(u => u.Code == "water" && u.Kind == UnitKind.PublicService);
        units.ShouldContain(u => u.Code == "dc-dhm" && u.Kind == UnitKind.StreetOffice && u.DistrictCode == "dc");
        regions.Count.ShouldBeGreaterThanOrEqualTo(4);
        regions.ShouldAllBe(r => r.Streets.Count > 0);
        regions.Single(r => r.Code == "dc").Streets.ShouldContain(s => s.Code == "dc-dhm");
        categories.SelectMany(c => c.Children).Count().ShouldBeGreaterThanOrEqualTo(30);
        categories.Single(c => c.Code == "sw").Children.ShouldContain(c => c.Code == "sw-ts");
        rules.ShouldContain(r => r.CategoryCode == "sw" && r.UnitId == units.Single(u => u.Code == "water").Id);
        policies.Select(p => p.Tier).ShouldBe([Urgency.Emergency, Urgency.Urgent, Urgency.Normal, Urgency.Complex], ignoreOrder: true);
    }

    [Fact]
    public async Task ListRegions_Should_FollowTheOfficialOrder_When_CodesSortOtherwise()
    {
        using var agent = await ClientAsync("agent");

        var regions = await (await agent.GetAsync("/api/regions", Ct)).ReadAsync<List<RegionDto>>();

        // Beijing's official order, not the codes' (cy, dc, hd, xc) nor pinyin's.
        regions.Where(r => r.Code is "dc" or "xc" or "cy" or "hd").Select(r => r.Name).ShouldBe(["东城区", "西城区", "朝阳区", "海淀区"]);
        regions.Single(r => r.Code == "dc").Streets.Select(s => s.Name).ShouldBe(["东华门街道", "景山街道", "交道口街道", "天坛街道"]);
    }

    [Fact]
    public async Task SaveRegion_Should_KeepTheGivenOrder_When_AdminPutsADistrictWithSortOrder()
    {
        var code = "t" + Guid.NewGuid().ToString("N")[..8];
        using var admin = await ClientAsync("admin");

        var saved = await (await admin.PutAsJsonAsync($"/api/regions/{code}",
            new UpsertRegionRequest(code, "丰台区", [new StreetDto(code + "-z", "右安门街道"), new StreetDto(code + "-a", "太平桥街道")]) { SortOrder = 4 }, Json.Options, Ct))
            .ReadAsync<RegionDto>();
        var regions = await (await admin.GetAsync("/api/regions", Ct)).ReadAsync<List<RegionDto>>();
        var invalid = await admin.PutAsJsonAsync($"/api/regions/{code}", new UpsertRegionRequest(code, "丰台区", []) { SortOrder = -1 }, Json.Options, Ct);

        saved.SortOrder.ShouldBe(4);
        saved.Streets.Select(s => s.Name).ShouldBe(["右安门街道", "太平桥街道"]);
        regions.Select(r => r.Code).ToList().IndexOf(code).ShouldBe(regions.Select(r => r.Code).ToList().IndexOf("cy") + 1);
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadAsStringAsync(Ct)).ShouldContain("排列顺序");
    }

    [Fact]
    public async Task ListCategories_Should_OfferKeywordsAndPinyinInitials_When_AgentSearchesByWhatCallersSay()
    {
        using var agent = await ClientAsync("agent");

        var categories = await (await agent.GetAsync("/api/categories", Ct)).ReadAsync<List<CategoryDto>>();

        var outage = categories.Single(c => c.Code == "sw").Children.Single(c => c.Code == "sw-ts");
        outage.Keywords.ShouldNotBeNull();
        outage.Keywords.ShouldContain("没水");
        outage.Keywords.ShouldContain("自来水");
        outage.Initials.ShouldBe("ts");
    }

    [Fact]
    public async Task SaveCategory_Should_ReplaceKeywords_When_Given_And_KeepThem_When_LeftOut()
    {
        var code = "k" + Guid.NewGuid().ToString("N")[..8];
        using var admin = await ClientAsync("admin");

        var first = await (await admin.PutAsJsonAsync($"/api/categories/{code}",
            new UpsertCategoryRequest(code, "测试分类", [new CategoryChildDto(code + "-a", "井盖缺失") { Keywords = ["井盖", "窨井"] }]), Json.Options, Ct)).ReadAsync<CategoryDto>();
        var renamed = await (await admin.PutAsJsonAsync($"/api/categories/{code}",
            new UpsertCategoryRequest(code, "测试分类", [new CategoryChildDto(code + "-a", "井盖丢失")]), Json.Options, Ct)).ReadAsync<CategoryDto>();
        var invalid = await admin.PutAsJsonAsync($"/api/categories/{code}",
            new UpsertCategoryRequest(code, "测试分类", [new CategoryChildDto(code + "-a", "井盖丢失") { Keywords = [" "] }]), Json.Options, Ct);

        first.Children.Single().Keywords.ShouldBe(["井盖", "窨井"]);
        renamed.Children.Single().Keywords.ShouldBe(["井盖", "窨井"]);
        renamed.Children.Single().Initials.ShouldBe("jgds");
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ReadReferenceData_Should_Answer401_When_NotSignedIn()
    {
        using var anonymous = Fixture.AnonymousClient();

        var response = await anonymous.GetAsync("/api/units", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("supervisor")]
    [InlineData("water")]
    public async Task CreateDispatchRule_Should_Answer403_When_CallerIsNotAdmin(string userName)
    {
        var units = await UnitIdsAsync();
        using var client = await ClientAsync(userName);

        var response = await client.PostAsJsonAsync("/api/dispatch-rules", new UpsertDispatchRuleRequest("hj-yy", "hd", null, units["hd-gov"]), Json.Options, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var admin = await ClientAsync("admin");
        var rules = await (await admin.GetAsync("/api/dispatch-rules", Ct)).ReadAsync<List<DispatchRuleDto>>();
        rules.ShouldNotContain(r => r.CategoryCode == "hj-yy" && r.DistrictCode == "hd");
    }

    [Fact]
    public async Task CreateDispatchRule_Should_ChangeTheSuggestion_When_AdminAddsAMoreSpecificRule()
    {
        var units = await UnitIdsAsync();
        var ticket = await RegisterAsync(NewTicket("hj-dq", "xc", null, content: "大气污染 " + Guid.NewGuid()));
        using var agent = await ClientAsync("agent");
        using var admin = await ClientAsync("admin");
        var before = await (await agent.GetAsync($"/api/tickets/{ticket.Id}/dispatch-suggestion", Ct)).ReadAsync<DispatchSuggestionDto>();

        var created = await (await admin.PostAsJsonAsync("/api/dispatch-rules", new UpsertDispatchRuleRequest("hj-dq", "xc", null, units["xc-gov"]), Json.Options, Ct))
            .ReadAsync<DispatchRuleDto>(HttpStatusCode.Created);
        var after = await (await agent.GetAsync($"/api/tickets/{ticket.Id}/dispatch-suggestion", Ct)).ReadAsync<DispatchSuggestionDto>();

        before.UnitId.ShouldBe(units["sthjj"]);
        after.UnitId.ShouldBe(units["xc-gov"]);
        after.RuleId.ShouldBe(created.Id);
        var dispatched = await (await agent.PostAsJsonAsync($"/api/tickets/{ticket.Id}/dispatch", new { }, Json.Options, Ct)).ReadAsync<TicketDto>();
        dispatched.LeadUnitId.ShouldBe(units["xc-gov"]);
    }

    [Fact]
    public async Task ResolveDispatch_Should_AnswerWhatAnOrdersSuggestionSays_When_GivenItsCategoryAndPlace()
    {
        var units = await UnitIdsAsync();
        var ticket = await RegisterAsync(NewTicket("sw-ts", "dc", "dc-dhm", content: "停水 " + Guid.NewGuid()));
        using var agent = await ClientAsync("agent");
        using var admin = await ClientAsync("admin");
        var suggestion = await (await agent.GetAsync($"/api/tickets/{ticket.Id}/dispatch-suggestion", Ct)).ReadAsync<DispatchSuggestionDto>();

        var resolved = await (await admin.GetAsync("/api/dispatch-rules/resolve?categoryCode=sw-ts&districtCode=dc&streetCode=dc-dhm", Ct)).ReadAsync<DispatchSuggestionDto>();
        var fallback = await (await admin.GetAsync("/api/dispatch-rules/resolve?categoryCode=wy-wx&districtCode=hd", Ct)).ReadAsync<DispatchSuggestionDto>();
        var nowhere = await (await admin.GetAsync("/api/dispatch-rules/resolve?categoryCode=wy-wx", Ct)).ReadAsync<DispatchSuggestionDto>();

        resolved.ShouldBe(suggestion);
        resolved.UnitId.ShouldBe(units["water"]);
        fallback.UnitId.ShouldBe(units["hd-gov"]);
        fallback.RuleId.ShouldBeNull();
        nowhere.UnitId.ShouldBeNull();
    }

    [Theory]
    [InlineData("", "dc", null, "categoryCode")]
    [InlineData("no-such", "dc", null, "categoryCode")]
    [InlineData("sw-ts", "nowhere", null, "districtCode")]
    [InlineData("sw-ts", "hd", "dc-dhm", "streetCode")]
    public async Task ResolveDispatch_Should_Answer400Problem_When_TheQueryNamesNothingKnown(string category, string district, string? street, string field)
    {
        using var admin = await ClientAsync("admin");

        var response = await admin.GetAsync($"/api/dispatch-rules/resolve?categoryCode={category}&districtCode={district}&streetCode={street}", Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorFields().ShouldContain(field);
    }

    [Fact]
    public async Task PreviewSla_Should_SkipTheNationalDayHolidays_When_DispatchedOnSeptember30()
    {
        using var agent = await ClientAsync("agent");

        var preview = await (await agent.GetAsync("/api/sla/preview?tier=Normal&from=2026-09-30T10:00:00%2B08:00", Ct)).ReadAsync<SlaPreviewDto>();

        preview.AcceptDueAt.ShouldBe(DateTimeOffset.Parse("2026-09-30T12:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture));
        preview.ContactDueAt.ShouldBe(DateTimeOffset.Parse("2026-10-09T00:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture));
        preview.ReplyDueAt.ShouldBe(DateTimeOffset.Parse("2026-10-14T00:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture));
        preview.AcceptDueAt.Offset.ShouldBe(TimeSpan.FromHours(8));
    }

    [Fact]
    public async Task PreviewSla_Should_Answer400Problem_When_TierIsMissing()
    {
        using var agent = await ClientAsync("agent");

        var response = await agent.GetAsync("/api/sla/preview?from=2026-09-30T10:00:00%2B08:00", Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorFields().ShouldContain("tier");
    }

    [Fact]
    public async Task ReplaceCalendarYear_Should_BeReadBack_When_AdminPutsAYear()
    {
        using var admin = await ClientAsync("admin");
        CalendarDayDto[] days =
        [
            new(new DateOnly(2027, 2, 6), CalendarDayKind.Workday, "春节调休"),
            new(new DateOnly(2027, 2, 8), CalendarDayKind.Holiday, "春节"),
            new(new DateOnly(2027, 2, 9), CalendarDayKind.Holiday, "春节"),
        ];

        var put = await admin.PutAsJsonAsync("/api/calendar/2027", days, Json.Options, Ct);
        var read = await (await admin.GetAsync("/api/calendar/2027", Ct)).ReadAsync<List<CalendarDayDto>>();

        await put.ShouldHaveStatusAsync(HttpStatusCode.OK);
        read.ShouldBe(days);
    }

    [Fact]
    public async Task ReplaceCalendarYear_Should_Answer403_When_CallerIsNotAdmin()
    {
        using var agent = await ClientAsync("agent");

        var response = await agent.PutAsJsonAsync("/api/calendar/2027", Array.Empty<CalendarDayDto>(), Json.Options, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ListUsers_Should_ShowRolesAndUnits_When_AdminAsks()
    {
        var units = await UnitIdsAsync();
        using var admin = await ClientAsync("admin");

        var users = await (await admin.GetAsync("/api/admin/users", Ct)).ReadAsync<List<UserDto>>();

        users.Single(u => u.UserName == "agent").Roles.ShouldBe([Roles.Agent]);
        users.Single(u => u.UserName == "agent").UnitId.ShouldBeNull();
        var water = users.Single(u => u.UserName == "water");
        water.Roles.ShouldBe([Roles.Department]);
        water.UnitId.ShouldBe(units["water"]);
        users.ShouldContain(u => u.UserName == "admin" && u.Roles.Contains(Roles.Admin));
    }

    [Fact]
    public async Task ListUsers_Should_Answer403_When_AgentAsks()
    {
        using var agent = await ClientAsync("agent");

        var response = await agent.GetAsync("/api/admin/users", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UpdateUser_Should_Answer400AndKeepTheRoles_When_EveryRoleIsTakenAway()
    {
        using var admin = await ClientAsync("admin");
        var agent2 = (await (await admin.GetAsync("/api/admin/users", Ct)).ReadAsync<List<UserDto>>()).Single(u => u.UserName == "agent2");

        var response = await admin.PutAsJsonAsync($"/api/admin/users/{agent2.Id}", new UpdateUserRequest(null, null, [], null, null), Json.Options, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorFields().ShouldBe(["roles"]);
        (await (await admin.GetAsync("/api/admin/users", Ct)).ReadAsync<List<UserDto>>()).Single(u => u.Id == agent2.Id).Roles.ShouldBe(agent2.Roles);
    }

    public sealed class OnSqlite(SqliteApiFixture fixture) : ReferenceDataTests(fixture), IClassFixture<SqliteApiFixture>;

    public sealed class OnPostgreSql(PostgresApiFixture fixture) : ReferenceDataTests(fixture), IClassFixture<PostgresApiFixture>;
}
