using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Kpis;
using Hotline.Contracts.Privacy;
using Hotline.Contracts.Tickets;
using Hotline.Core.Features.Privacy;
using Hotline.Core.Features.Privacy.RunRetention;
using Hotline.IntegrationTests.Deadlines;
using Hotline.IntegrationTests.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;

namespace Hotline.IntegrationTests.Privacy;

/// <summary>
/// The personal-data lifecycle (docs/privacy.md): the retention run removes the citizen's data from orders closed
/// longer ago than the retention period only, keeps the KPI figures, and a re-run changes nothing; an Admin removes
/// one citizen's data on request, refused while an order is open unless forced, audited with the phone masked.
/// </summary>
public abstract class PersonalDataLifecycleTests(DeadlineFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Retention_Should_AnonymiseOnlyOrdersClosedLongAgo_AndKeepTheKpis_When_Run()
    {
        var phone = NewPhone();
        var closed = await ClosedAsync(phone);
        var open = await RegisterAsync(WithPhone(phone));
        var days = fixture.Factory.Services.GetRequiredService<IOptions<PrivacyOptions>>().Value.RetentionDays;
        var today = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().AddHours(8).DateTime);
        var kpis = $"/api/kpis/units?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}";
        var before = await KpisAsync(kpis);

        fixture.Clock.Advance(TimeSpan.FromDays(days - 1));
        await RetentionAsync();
        (await TicketAsync(closed.Id)).Citizen.Phone.ShouldBe(phone, "closed one day short of the retention period: kept");

        fixture.Clock.Advance(TimeSpan.FromDays(2));
        var run = await RetentionAsync();
        run.Counts["orders"].ShouldBeGreaterThanOrEqualTo(1);

        var anonymised = await TicketAsync(closed.Id);
        anonymised.AnonymisedAt.ShouldNotBeNull();
        anonymised.Citizen.Name.ShouldBeNull();
        anonymised.Citizen.Phone.ShouldBeNull();
        anonymised.Location.Address.ShouldBeNull();
        anonymised.Location.DistrictCode.ShouldBe(closed.Location.DistrictCode, "the district stays for the statistics");
        anonymised.Location.StreetCode.ShouldBe(closed.Location.StreetCode);
        anonymised.CategoryCode.ShouldBe(closed.CategoryCode);
        anonymised.Callback.ShouldNotBeNull();
        anonymised.Callback.ShouldBe(closed.Callback! with { At = anonymised.Callback.At }, "the callback result stays for the satisfaction rate");
        (anonymised.Callback.At!.Value - closed.Callback.At!.Value).Duration().ShouldBeLessThan(TimeSpan.FromMilliseconds(1), "stored to the database's precision");
        var stillOpen = await TicketAsync(open.Id);
        stillOpen.AnonymisedAt.ShouldBeNull("an open order keeps its citizen");
        stillOpen.Citizen.Phone.ShouldBe(phone);

        (await KpisAsync(kpis)).ShouldBe(before, "the KPI figures rebuilt from the orders are the same after anonymisation");
        (await RetentionAsync()).Counts.Values.ShouldAllBe(c => c == 0, "a re-run changes nothing");
        (await LatestAuditAsync(AuditActions.RetentionRun)).Summary.ShouldContain("orders");
    }

    [Fact]
    public async Task AnonymiseCitizen_Should_RemoveTheirDataFromAllOrders_When_AnAdminAsks()
    {
        var phone = NewPhone();
        var first = await ClosedAsync(phone);
        var second = await ClosedAsync(phone);
        using var admin = await ClientAsync("admin");
        // On SQLite the local line surveyed the replied orders already; on PostgreSQL there is no line: record a survey
        // (of a later round) with the citizen's SMS reply as a line does, so both have one to erase.
        var surveyed = await SurveyRecordsWithAsync(phone);
        await AddSurveyAsync(first.Id, phone);
        (await SurveyRecordsWithAsync(phone)).ShouldBe(surveyed + 2);

        var result = await (await admin.PostAsJsonAsync("/api/admin/citizens/anonymise", new AnonymiseCitizenRequest("+86 " + phone), Json.Options, Ct))
            .ReadAsync<AnonymiseCitizenResult>();

        result.Counts["orders"].ShouldBe(2);
        result.Counts["surveys"].ShouldBeGreaterThan(0);
        (await SurveyRecordsWithAsync(phone)).ShouldBe(0, "the surveys and their messages no longer hold the number");
        result.Numbers.ShouldBe([first.Number, second.Number], ignoreOrder: true);
        foreach (var id in new[] { first.Id, second.Id })
        {
            var ticket = await TicketAsync(id);
            ticket.AnonymisedAt.ShouldNotBeNull();
            ticket.Citizen.Phone.ShouldBeNull();
            ticket.Citizen.Name.ShouldBeNull();
        }

        var entry = await LatestAuditAsync(AuditActions.CitizenAnonymised);
        entry.ActorName.ShouldBe("admin");
        entry.Summary.ShouldContain(Hotline.Domain.Tickets.Citizen.Mask(phone)!);
        (entry.Summary + entry.TargetId + entry.Changes).ShouldNotContain(phone, customMessage: "the trail never holds the phone in clear");

        var again = await (await admin.PostAsJsonAsync("/api/admin/citizens/anonymise", new AnonymiseCitizenRequest(phone), Json.Options, Ct)).ReadAsync<AnonymiseCitizenResult>();
        again.Counts["orders"].ShouldBe(0, "their orders no longer carry the phone");
    }

    [Fact]
    public async Task AnonymiseCitizen_Should_Refuse_When_AnOrderIsOpenUnlessForced()
    {
        var phone = NewPhone();
        var open = await RegisterAsync(WithPhone(phone));
        using var admin = await ClientAsync("admin");

        var refused = await admin.PostAsJsonAsync("/api/admin/citizens/anonymise", new AnonymiseCitizenRequest(phone), Json.Options, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain(open.Number);
        (await TicketAsync(open.Id)).Citizen.Phone.ShouldBe(phone, "a refusal changes nothing");

        var forced = await (await admin.PostAsJsonAsync("/api/admin/citizens/anonymise", new AnonymiseCitizenRequest(phone, Force: true), Json.Options, Ct))
            .ReadAsync<AnonymiseCitizenResult>();
        forced.Counts["orders"].ShouldBe(1);
        (await TicketAsync(open.Id)).AnonymisedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task AnonymiseCitizen_Should_BeRefused_When_NotAnAdminOrABadPhone()
    {
        using var supervisor = await ClientAsync("supervisor");
        (await supervisor.PostAsJsonAsync("/api/admin/citizens/anonymise", new AnonymiseCitizenRequest(NewPhone()), Json.Options, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var admin = await ClientAsync("admin");
        (await admin.PostAsJsonAsync("/api/admin/citizens/anonymise", new AnonymiseCitizenRequest("abc"), Json.Options, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static string NewPhone() => "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static RegisterTicketRequest WithPhone(string phone) => NewTicket() with { Citizen = new CitizenDto("测试市民", phone, false) };

    private async Task<TicketDto> ClosedAsync(string phone)
    {
        var replied = await RepliedAsync(request: WithPhone(phone));
        using var callback = await ClientAsync("callback");
        var closed = await (await callback.PostAsJsonAsync($"/api/tickets/{replied.Id}/callback", new CallbackRequest(CallbackOutcome.Satisfied, true, null, null), Json.Options, Ct)).ReadAsync<TicketDto>();
        closed.Status.ShouldBe(TicketStatus.Closed);
        return closed;
    }

    /// <summary>A callback survey of the order by SMS, with the citizen's reply.</summary>
    private async Task AddSurveyAsync(Guid ticketId, string phone)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Hotline.Core.Data.HotlineDbContext>();
        var now = fixture.Clock.GetUtcNow();
        var survey = Hotline.Domain.Telephony.CallbackSurvey.Schedule(ticketId, 9, phone, now, now);
        db.CallbackSurveys.Add(survey);
        db.SurveyMessages.Add(Hotline.Domain.Telephony.SurveyMessage.Received(survey.Id, "SM" + Guid.NewGuid().ToString("N"), phone, "满意，我是住在三号楼的张先生", now));
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>Callback surveys and survey messages that still hold <paramref name="phone"/> (or the reply's text).</summary>
    private async Task<int> SurveyRecordsWithAsync(string phone)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Hotline.Core.Data.HotlineDbContext>();
        return await db.CallbackSurveys.CountAsync(s => s.Phone.Contains(phone), Ct)
            + await db.SurveyMessages.CountAsync(m => m.Phone.Contains(phone) || (m.Body != null && m.Body.Contains("张先生")), Ct);
    }

    private async Task<RetentionResult> RetentionAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RunRetention(), Ct);
    }

    /// <summary>The unit figures rebuilt from the orders themselves, as JSON.</summary>
    private async Task<string> KpisAsync(string query)
    {
        using var admin = await ClientAsync("admin");
        (await admin.PostAsync("/api/kpis/rebuild", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var units = await (await admin.GetAsync(query, Ct)).ReadAsync<List<UnitMeasuresDto>>();
        units.ShouldNotBeEmpty();
        return System.Text.Json.JsonSerializer.Serialize(units, Json.Options);
    }

    private async Task<AuditEntryDto> LatestAuditAsync(string action)
    {
        using var admin = await ClientAsync("admin");
        return (await (await admin.GetAsync($"/api/admin/audit?action={action}&pageSize=1", Ct)).ReadAsync<PagedResult<AuditEntryDto>>()).Items.Single();
    }

    public sealed class OnSqlite(SqliteDeadlineFixture fixture) : PersonalDataLifecycleTests(fixture), IClassFixture<SqliteDeadlineFixture>;

    public sealed class OnPostgreSql(PostgresDeadlineFixture fixture) : PersonalDataLifecycleTests(fixture), IClassFixture<PostgresDeadlineFixture>;
}
