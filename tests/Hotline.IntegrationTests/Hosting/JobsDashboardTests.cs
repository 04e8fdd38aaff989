using System.Net;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Hosting;

/// <summary>The Hangfire dashboard at /jobs: Admin and Supervisor only, never anonymous, not even from localhost.</summary>
public abstract class JobsDashboardTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Jobs_Should_BeRefused_When_Anonymous()
    {
        using var anonymous = Fixture.AnonymousClient();

        var response = await anonymous.GetAsync("/jobs", Ct);

        ((int)response.StatusCode).ShouldBeOneOf(401, 403);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("water")]
    [InlineData("callback")]
    public async Task Jobs_Should_BeRefused_When_TheUserIsNeitherAdminNorSupervisor(string userName)
    {
        using var client = await ClientAsync(userName);

        var response = await client.GetAsync("/jobs", Ct);

        ((int)response.StatusCode).ShouldBeOneOf(401, 403);
    }

    [Theory]
    [InlineData("supervisor")]
    [InlineData("admin")]
    public async Task Jobs_Should_ShowTheDashboard_When_TheUserIsAdminOrSupervisor(string userName)
    {
        using var client = await ClientAsync(userName);

        var response = await client.GetAsync("/jobs/recurring", Ct);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Hotline 作业");
    }

    [Fact]
    public async Task Jobs_Should_KeepTheTokenInACookie_When_OpenedWithAccessTokenInTheQuery()
    {
        using var supervisor = await ClientAsync("supervisor");
        var token = supervisor.DefaultRequestHeaders.Authorization!.Parameter;
        using var browser = Fixture.AnonymousClient();

        var first = await browser.GetAsync($"/jobs?access_token={token}", Ct);

        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
        first.Headers.TryGetValues("Set-Cookie", out var cookies).ShouldBeTrue();
        cookies!.ShouldContain(c => c.StartsWith("hotline_jobs=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
    }

    public sealed class OnSqlite(SqliteApiFixture fixture) : JobsDashboardTests(fixture), IClassFixture<SqliteApiFixture>;
}
