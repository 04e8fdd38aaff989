using System.Net.Http.Json;
using Hotline.Contracts.Citizens;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.IntegrationTests.Infrastructure;

namespace Hotline.IntegrationTests.Citizens;

/// <summary>Limits high enough that the functional scenarios never meet them; the rate-limit tests set their own.</summary>
public static class CitizenSettings
{
    public static readonly IReadOnlyDictionary<string, string?> Generous = Limits(perClient: 10_000, perPhone: 10_000, open311: 10_000);

    public static IReadOnlyDictionary<string, string?> Limits(int perClient, int perPhone, int open311) => new Dictionary<string, string?>
    {
        ["CitizenChannels:RateLimits:SubmissionsPerClient"] = perClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["CitizenChannels:RateLimits:SubmissionsPerPhone"] = perPhone.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["CitizenChannels:RateLimits:Open311SubmissionsPerClient"] = open311.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["CitizenChannels:RateLimits:ReadsPerClient"] = "10000",
        ["CitizenChannels:RateLimits:SubmissionWindow"] = "01:00:00",
        ["CitizenChannels:RateLimits:PhoneWindow"] = "01:00:00",
    };
}

public sealed class CitizenSqliteFixture() : ApiFixture(DatabaseProvider.Sqlite, settings: CitizenSettings.Generous);

public sealed class CitizenPostgresFixture() : ApiFixture(DatabaseProvider.PostgreSql, settings: CitizenSettings.Generous);

/// <summary>Helpers of the citizen scenarios: the public form's body and an Open311 key.</summary>
public abstract class CitizenTestBase(ApiFixture fixture) : ApiTestBase(fixture)
{
    protected static PublicSubmissionRequest Submission(string? content = null, string? phone = CitizenPhone, bool confidential = false, string categoryCode = "cs-lj") =>
        new(null, categoryCode, new CitizenDto("王小明", phone, confidential), new LocationDto("dc", "dc-jsj", "景山前街4号", null, null), content ?? $"小区垃圾三天没人清运 {Guid.NewGuid():N}");

    protected async Task<HttpResponseMessage> SubmitAsync(PublicSubmissionRequest body, string? idempotencyKey = null)
    {
        using var anonymous = Fixture.AnonymousClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/public/submissions") { Content = JsonContent.Create(body, options: Json.Options) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await anonymous.SendAsync(request, Ct);
    }

    protected async Task<string> IssueKeyAsync(string name = "城市治理App")
    {
        using var admin = await ClientAsync("admin");
        var created = await (await admin.PostAsJsonAsync("/api/admin/open311-keys", new CreateOpen311KeyRequest(name), Json.Options, Ct))
            .ReadAsync<Open311KeyCreated>(System.Net.HttpStatusCode.Created);
        return created.ApiKey;
    }

    protected async Task<TicketDto> TicketByNumberAsync(string number)
    {
        using var agent = await ClientAsync("agent");
        var page = await (await agent.GetAsync($"/api/tickets?q={number}", Ct)).ReadAsync<PagedResult<TicketListItemDto>>();
        var item = page.Items.Single(i => i.Number == number);
        return await (await agent.GetAsync($"/api/tickets/{item.Id}", Ct)).ReadAsync<TicketDto>();
    }
}
