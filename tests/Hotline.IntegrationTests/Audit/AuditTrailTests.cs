using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Auth;
using Hotline.Contracts.Citizens;
using Hotline.Contracts.Reference;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Audit;
using Hotline.Core.Features.Audit.SealAuditChain;
using Hotline.IntegrationTests.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Hotline.IntegrationTests.Audit;

/// <summary>
/// The audit trail (docs/privacy.md): every audited action leaves exactly one entry, a refused one none; reads of a
/// citizen's data by units, phones revealed and exports are recorded; the hash chain finds an edit and a deleted row.
/// </summary>
public abstract class AuditTrailTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task AdminChanges_Should_LeaveExactlyOneEntryEach_When_TheyAreSaved()
    {
        using var admin = await ClientAsync("admin");
        var code = "a" + Guid.NewGuid().ToString("N")[..8];
        var units = await UnitIdsAsync();

        var unit = await ExpectOneAsync(AuditActions.UnitSaved, async () =>
            await (await admin.PostAsJsonAsync("/api/units", new UpsertUnitRequest(code, "审计测试单位", UnitKind.CityDepartment, null, null), Json.Options, Ct))
                .ReadAsync<UnitDto>(HttpStatusCode.Created));
        var renamed = await ExpectOneAsync(AuditActions.UnitSaved, async () =>
        {
            await (await admin.PutAsJsonAsync($"/api/units/{unit.Id}", new UpsertUnitRequest(code, "审计测试单位（改名）", UnitKind.CityDepartment, null, null), Json.Options, Ct))
                .ReadAsync<UnitDto>();
            return await LatestAsync(AuditActions.UnitSaved);
        });
        renamed.TargetId.ShouldBe(unit.Id.ToString());
        renamed.ActorName.ShouldBe("admin");
        renamed.Changes.ShouldNotBeNull();
        renamed.Changes.ShouldContain("\"审计测试单位\"");
        renamed.Changes.ShouldContain("审计测试单位（改名）");
        (await LatestAsync(AuditActions.UnitSaved, skip: 1)).TargetId.ShouldBe(unit.Id.ToString(), "a created record's key is filled in from the save");

        await ExpectOneAsync(AuditActions.RegionSaved, async () =>
            await (await admin.PutAsJsonAsync($"/api/regions/{code}", new UpsertRegionRequest(code, "审计区", [new StreetDto(code + "-a", "审计街道")]), Json.Options, Ct)).ReadAsync<RegionDto>());
        await ExpectOneAsync(AuditActions.CategorySaved, async () =>
            await (await admin.PutAsJsonAsync($"/api/categories/{code}", new UpsertCategoryRequest(code, "审计分类", [new CategoryChildDto(code + "-a", "审计子类")]), Json.Options, Ct)).ReadAsync<CategoryDto>());
        var rule = await ExpectOneAsync(AuditActions.DispatchRuleSaved, async () =>
            await (await admin.PostAsJsonAsync("/api/dispatch-rules", new UpsertDispatchRuleRequest(code + "-a", code, null, unit.Id), Json.Options, Ct)).ReadAsync<DispatchRuleDto>(HttpStatusCode.Created));
        await ExpectOneAsync(AuditActions.DispatchRuleDeleted, async () => (await admin.DeleteAsync($"/api/dispatch-rules/{rule.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent));
        await ExpectOneAsync(AuditActions.UnitDeleted, async () => (await admin.DeleteAsync($"/api/units/{unit.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent));

        var user = await ExpectOneAsync(AuditActions.UserCreated, async () =>
            await (await admin.PostAsJsonAsync("/api/admin/users", new CreateUserRequest(code, "审计测试员", "Audit#12345x", [Roles.Agent], null), Json.Options, Ct)).ReadAsync<UserDto>(HttpStatusCode.Created));
        var changedUser = await ExpectOneAsync(AuditActions.UserChanged, async () =>
        {
            await (await admin.PutAsJsonAsync($"/api/admin/users/{user.Id}", new UpdateUserRequest(null, "Audit#67890y", null, null, false), Json.Options, Ct)).ReadAsync<UserDto>();
            return await LatestAsync(AuditActions.UserChanged);
        });
        changedUser.Changes.ShouldNotBeNull();
        changedUser.Changes.ShouldContain("（已更改）", customMessage: "a new password shows only as changed");
        changedUser.Changes.ShouldNotContain("AQAAAA", customMessage: "no password hash is written to the audit trail");

        var key = await ExpectOneAsync(AuditActions.Open311KeyIssued, async () =>
            await (await admin.PostAsJsonAsync("/api/admin/open311-keys", new CreateOpen311KeyRequest("审计测试应用"), Json.Options, Ct)).ReadAsync<Open311KeyCreated>(HttpStatusCode.Created));
        (await LatestAsync(AuditActions.Open311KeyIssued)).Changes!.ShouldNotContain(key.ApiKey);
        await ExpectOneAsync(AuditActions.Open311KeyRevoked, async () => (await admin.DeleteAsync($"/api/admin/open311-keys/{key.Id}", Ct)).EnsureSuccessStatusCode());

        var policies = await (await admin.GetAsync("/api/sla-policies", Ct)).ReadAsync<List<SlaPolicyDto>>();
        var normal = policies.Single(p => p.Tier == Urgency.Normal);
        await ExpectOneAsync(AuditActions.SlaSaved, async () =>
            (await admin.PutAsJsonAsync("/api/sla-policies/Normal", new UpsertSlaPolicyRequest(normal.Accept, normal.Contact, normal.Reply), Json.Options, Ct)).EnsureSuccessStatusCode());
        var year = await (await admin.GetAsync("/api/calendar/2026", Ct)).ReadAsync<List<CalendarDayDto>>();
        await ExpectOneAsync(AuditActions.CalendarSaved, async () => (await admin.PutAsJsonAsync("/api/calendar/2026", year, Json.Options, Ct)).EnsureSuccessStatusCode());
        units.ShouldNotBeEmpty();

        using var supervisor = await ClientAsync("supervisor");
        await ExpectOneAsync(AuditActions.TemplateSaved, async () =>
            (await supervisor.PostAsJsonAsync("/api/phrases", new Hotline.Contracts.Templates.UpsertTextTemplateRequest(code, "请您稍等，我为您查询一下。"), Json.Options, Ct)).EnsureSuccessStatusCode());
        (await LatestAsync(AuditActions.TemplateSaved)).ActorName.ShouldBe("supervisor");
    }

    [Fact]
    public async Task RefusedChange_Should_LeaveNoEntry_When_TheRequestIsInvalidOrFails()
    {
        using var admin = await ClientAsync("admin");
        var before = await CountAsync(AuditActions.UnitSaved);

        (await admin.PostAsJsonAsync("/api/units", new UpsertUnitRequest("", "", UnitKind.CityDepartment, null, null), Json.Options, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync($"/api/units/{Guid.NewGuid()}", new UpsertUnitRequest("zz" + Guid.NewGuid().ToString("N")[..6], "无此单位", UnitKind.CityDepartment, null, null), Json.Options, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await CountAsync(AuditActions.UnitSaved)).ShouldBe(before);
    }

    [Fact]
    public async Task SignIn_Should_RecordSuccessAndFailure_When_SomeoneSignsIn()
    {
        var anonymous = Fixture.AnonymousClient();
        var name = "nobody" + Guid.NewGuid().ToString("N")[..6];

        (await anonymous.PostAsJsonAsync("/api/auth/token", new TokenRequest(name, "wrong-password"), Json.Options, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsJsonAsync("/api/auth/token", new TokenRequest("callback", ApiFixture.DemoPassword), Json.Options, Ct)).EnsureSuccessStatusCode();

        var failed = await SearchAsync($"action={AuditActions.SignInFailed}&actor={name}");
        failed.Total.ShouldBe(1);
        failed.Items[0].ActorUserId.ShouldBeNull();
        var signedIn = (await SearchAsync($"action={AuditActions.SignIn}&actor=callback")).Items[0];
        signedIn.ActorUserId.ShouldNotBeNull();
        signedIn.At.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task ReadsOfCitizenData_Should_BeRecorded_When_AUnitOpensAnOrderOrAPhoneIsRevealedOrOrdersAreExported()
    {
        var ticket = await RegisterAndDispatchAsync();
        await AcceptAsync(ticket.Id, "water");
        using var water = await ClientAsync("water");
        using var agent = await ClientAsync("agent");
        using var supervisor = await ClientAsync("supervisor");

        (await agent.GetAsync($"/api/tickets/{ticket.Id}", Ct)).EnsureSuccessStatusCode();
        (await SearchAsync($"ticketId={ticket.Id}&action={AuditActions.TicketViewed}")).Total.ShouldBe(0, "the centre's own agents are not a unit reading the order");

        (await water.GetAsync($"/api/tickets/{ticket.Id}", Ct)).EnsureSuccessStatusCode();
        var viewed = await SearchAsync($"ticketNumber={ticket.Number}&action={AuditActions.TicketViewed}");
        viewed.Total.ShouldBe(1);
        viewed.Items[0].ActorName.ShouldBe("water");
        viewed.Items[0].TicketId.ShouldBe(ticket.Id);

        (await water.PostAsync($"/api/tickets/{ticket.Id}/citizen-phone", null, Ct)).EnsureSuccessStatusCode();
        (await SearchAsync($"ticketId={ticket.Id}&action={AuditActions.PhoneRevealed}")).Total.ShouldBe(1);

        var exports = await CountAsync(AuditActions.TicketsExported);
        (await supervisor.GetAsync("/api/tickets/export?format=Csv", Ct)).EnsureSuccessStatusCode();
        (await CountAsync(AuditActions.TicketsExported)).ShouldBe(exports + 1);
    }

    [Fact]
    public async Task UnitReads_Should_EachLeaveOneEntryWrittenTogether_When_ManyArriveWhileTheTrailIsBusy()
    {
        var ticket = await RegisterAndDispatchAsync();
        await AcceptAsync(ticket.Id, "water");
        using var water = await ClientAsync("water");
        var writer = Fixture.Factory.Services.GetRequiredService<AuditReadWriter>();

        // Another writer holds the table: the reads' entries queue up behind the first batch, as under load.
        using var scope = Fixture.Factory.Services.CreateScope();
        var holder = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        await using var hold = await holder.Database.BeginTransactionAsync(Ct);
        await holder.Database.ExecuteSqlRawAsync(Fixture.Provider == DatabaseProvider.Sqlite
            ? """UPDATE "AuditChainHead" SET "LastIndex" = "LastIndex" WHERE "Id" = 1"""
            : """LOCK TABLE "AuditEntries" IN SHARE ROW EXCLUSIVE MODE""", Ct);
        var batches = writer.Batches;
        var reads = Enumerable.Range(0, 40).Select(_ => water.GetAsync($"/api/tickets/{ticket.Id}", Ct)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        reads.ShouldAllBe(r => !r.IsCompleted, "no read is answered before its entry is written");
        await hold.RollbackAsync(Ct);

        foreach (var answer in await Task.WhenAll(reads))
        {
            answer.StatusCode.ShouldBe(HttpStatusCode.OK);
            answer.Dispose();
        }

        var viewed = await SearchAsync($"ticketId={ticket.Id}&action={AuditActions.TicketViewed}&pageSize=200");
        viewed.Total.ShouldBe(40, "one entry per read, none lost and none twice");
        viewed.Items.ShouldAllBe(e => e.ActorName == "water" && e.TicketId == ticket.Id);
        (writer.Batches - batches).ShouldBeLessThanOrEqualTo(10, "the entries waiting together are written in few transactions, not one per read");
    }

    [Fact]
    public async Task Verify_Should_FindAnEditedAndADeletedEntry_When_TheDatabaseIsTamperedWith()
    {
        using var admin = await ClientAsync("admin");
        (await admin.PutAsJsonAsync("/api/appeal-policy", new AppealPolicyDto(5), Json.Options, Ct)).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/appeal-policy", new AppealPolicyDto(5), Json.Options, Ct)).EnsureSuccessStatusCode();
        await SealAsync();
        var valid = await VerifyAsync(admin);
        valid.Valid.ShouldBeTrue(valid.Problem?.Reason);
        valid.Pending.ShouldBe(0);
        valid.Sealed.ShouldBe(valid.HeadIndex);

        using var scope = Fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var victim = await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.AppealPolicySaved && e.ChainIndex != null).OrderByDescending(e => e.Id).FirstAsync(Ct);

        // An edit: the summary changed in the database behind the product's back.
        await db.AuditEntries.Where(e => e.Id == victim.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Summary, "什么也没发生"), Ct);
        var edited = await VerifyAsync(admin);
        edited.Valid.ShouldBeFalse();
        edited.Problem!.EntryId.ShouldBe(victim.Id);
        edited.Problem.ChainIndex.ShouldBe(victim.ChainIndex!.Value);
        await db.AuditEntries.Where(e => e.Id == victim.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Summary, victim.Summary), Ct);
        (await VerifyAsync(admin)).Valid.ShouldBeTrue();

        // A deleted row leaves a gap in the chain.
        await db.AuditEntries.Where(e => e.Id == victim.Id).ExecuteDeleteAsync(Ct);
        var deleted = await VerifyAsync(admin);
        deleted.Valid.ShouldBeFalse();
        deleted.Problem!.ChainIndex.ShouldBe(victim.ChainIndex!.Value);
        deleted.Problem.Reason.ShouldContain("删除");
        db.AuditEntries.Add(victim);
        await db.SaveChangesAsync(Ct);
        (await VerifyAsync(admin)).Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task Product_Should_RefuseToEditOrDeleteAnEntry_When_CodeTriesThroughTheContext()
    {
        await SealAsync();
        using var scope = Fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var entry = await db.AuditEntries.OrderBy(e => e.Id).FirstAsync(Ct);

        entry.Summary = "改写";
        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
        db.ChangeTracker.Clear();

        db.AuditEntries.Remove(await db.AuditEntries.OrderBy(e => e.Id).FirstAsync(Ct));
        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
    }

    [Theory]
    [InlineData("action=no.such.action")]
    [InlineData("from=2026-05-02&to=2026-05-01")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=500")]
    [InlineData("from=yesterday")]
    [InlineData("from=0001-01-01")]
    [InlineData("to=9999-12-31")]
    [InlineData("actor=%00")]
    [InlineData("ticketId=W123")]
    [InlineData("page=0")]
    public async Task Search_Should_Answer400_When_TheFilterIsInvalid(string query)
    {
        using var admin = await ClientAsync("admin");

        await (await admin.GetAsync($"/api/admin/audit?{query}", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        if (!query.StartsWith("page", StringComparison.Ordinal))
        {
            // The export takes the same filter (and no page).
            await (await admin.GetAsync($"/api/admin/audit/export?{query}", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        }
    }

    [Theory]
    [InlineData("format=1")]
    [InlineData("format=csv")]
    [InlineData("format=Pdf")]
    public async Task Export_Should_Answer400_When_TheFormatIsNotAName(string query)
    {
        using var admin = await ClientAsync("admin");

        await (await admin.GetAsync($"/api/admin/audit/export?{query}", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("supervisor", "/api/admin/audit")]
    [InlineData("water", "/api/admin/audit/export")]
    [InlineData("agent", "/api/admin/audit/verify")]
    public async Task Audit_Should_Answer403_When_NotAnAdmin(string userName, string path)
    {
        using var client = await ClientAsync(userName);

        (await client.GetAsync(path, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Export_Should_ListTheEntriesAndRecordItself_When_AnAdminExports()
    {
        using var admin = await ClientAsync("admin");
        var before = await CountAsync(AuditActions.AuditExported);

        var response = await admin.GetAsync($"/api/admin/audit/export?format=Csv&action={AuditActions.SignIn}", Ct);

        response.EnsureSuccessStatusCode();
        var csv = await response.Content.ReadAsStringAsync(Ct);
        csv.ShouldContain("操作人");
        csv.ShouldContain("登录");
        var last = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[^1];
        last.ShouldStartWith("【导出水印】", customMessage: "an export of personal data ends with who exported it and when");
        last.ShouldContain("（admin）");
        (await CountAsync(AuditActions.AuditExported)).ShouldBe(before + 1);
    }

    private async Task<T> ExpectOneAsync<T>(string action, Func<Task<T>> act)
    {
        var before = await CountAsync(action);
        var result = await act();
        (await CountAsync(action)).ShouldBe(before + 1, $"{action} should leave exactly one entry");
        return result;
    }

    private Task ExpectOneAsync(string action, Func<Task> act) => ExpectOneAsync(action, async () => { await act(); return true; });

    private async Task<int> CountAsync(string action) => (await SearchAsync($"action={action}&pageSize=1")).Total;

    private async Task<AuditEntryDto> LatestAsync(string action, int skip = 0) => (await SearchAsync($"action={action}&pageSize=5")).Items[skip];

    private async Task<PagedResult<AuditEntryDto>> SearchAsync(string query)
    {
        using var admin = await ClientAsync("admin");
        return await (await admin.GetAsync($"/api/admin/audit?{query}", Ct)).ReadAsync<PagedResult<AuditEntryDto>>();
    }

    private static async Task<AuditVerificationDto> VerifyAsync(HttpClient admin) =>
        await (await admin.GetAsync("/api/admin/audit/verify", Ct)).ReadAsync<AuditVerificationDto>();

    private async Task SealAsync()
    {
        using var scope = Fixture.Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SealAuditChain(), Ct);
    }

    public sealed class OnSqlite(SqliteApiFixture fixture) : AuditTrailTests(fixture), IClassFixture<SqliteApiFixture>;

    public sealed class OnPostgreSql(PostgresApiFixture fixture) : AuditTrailTests(fixture), IClassFixture<PostgresApiFixture>;
}
