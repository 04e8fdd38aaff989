using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hotline.Contracts;
using Hotline.Contracts.Auth;
using Hotline.Core.Data;
using Hotline.Core.Features.Observability;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Hotline.IntegrationTests.Auth;

/// <summary>
/// Failed sign-ins per account and per client address: free ones, then a wait that doubles, then a temporary lockout,
/// answered 429 with Retry-After and a Chinese message; a success clears the account; the count lives in the database,
/// so a second API node on it applies the same limits. The fixture's limits are small (3/5 per account, 6/8 per address,
/// 10 s first wait, 15 min lockout) and its clock is fake.
/// </summary>
public abstract class SignInLimitTests(SignInLimitFixture fixture) : ApiTestBase(fixture)
{
    private const string Password = "Limits#2026-user";
    private const string Wrong = "not-the-password";

    private FakeTimeProvider Clock => fixture.Clock;

    [Fact]
    public async Task SignIn_Should_WaitLongerAfterEachFailure_ThenLockTheAccountEvenForTheRightPassword_UntilTheLockoutEnds()
    {
        var user = await NewUserAsync();
        var address = NewAddress();
        for (var i = 0; i < 3; i++)
        {
            (await SignInAsync(user, Wrong, address)).Status.ShouldBe(401);
        }

        var delayed = await SignInAsync(user, Password, address);
        delayed.ShouldBeRefused(retryAfterSeconds: 10, "该账号登录失败次数较多，请 10 秒后重试。");

        Clock.Advance(TimeSpan.FromSeconds(10));
        (await SignInAsync(user, Wrong, address)).Status.ShouldBe(401);
        (await SignInAsync(user, Password, address)).ShouldBeRefused(retryAfterSeconds: 20, "请 20 秒后重试");

        Clock.Advance(TimeSpan.FromSeconds(20));
        (await SignInAsync(user, Wrong, address)).Status.ShouldBe(401);
        var locked = await SignInAsync(user, Password, address);
        locked.ShouldBeRefused(retryAfterSeconds: 900, "已临时锁定");
        locked.Detail.ShouldContain("（北京时间）后重试");

        // The same account from another address is locked too: the count is the account's.
        (await SignInAsync(user, Password, NewAddress())).Status.ShouldBe(429);

        Clock.Advance(TimeSpan.FromMinutes(15));
        (await SignInAsync(user, Password, address)).Status.ShouldBe(200);
    }

    [Fact]
    public async Task SignIn_Should_StartCountingAgain_When_TheAccountSignedInSuccessfully()
    {
        var user = await NewUserAsync();
        var address = NewAddress();
        (await SignInAsync(user, Wrong, address)).Status.ShouldBe(401);
        (await SignInAsync(user, Wrong, address)).Status.ShouldBe(401);
        (await SignInAsync(user, Password, address)).Status.ShouldBe(200);

        (await SignInAsync(user, Wrong, address)).Status.ShouldBe(401);
        (await SignInAsync(user, Wrong, address)).Status.ShouldBe(401);
        (await SignInAsync(user, Password, address)).Status.ShouldBe(200, "two failures since the success are still free");
    }

    [Fact]
    public async Task SignIn_Should_NeverBeLimited_When_AnAccountOnlySignsInSuccessfully()
    {
        var user = await NewUserAsync();
        var address = NewAddress();
        for (var i = 0; i < 20; i++)
        {
            var answer = await SignInAsync(user, Password, address);
            answer.Status.ShouldBe(200, answer.Detail);
        }
    }

    [Fact]
    public async Task SignIn_Should_LimitAnAddress_When_ItFailsAcrossManyAccounts()
    {
        var user = await NewUserAsync();
        var spraying = NewAddress();
        for (var i = 0; i < 6; i++)
        {
            // Each name fails once: no account reaches its limit, the address does.
            (await SignInAsync($"nobody-{Guid.NewGuid():N}"[..20], Wrong, spraying)).Status.ShouldBe(401);
        }

        var refused = await SignInAsync(user, Password, spraying);
        refused.ShouldBeRefused(retryAfterSeconds: 10, "您所在网络地址登录失败次数较多");
        (await SignInAsync(user, Password, NewAddress())).Status.ShouldBe(200, "another address is not limited");
    }

    [Fact]
    public async Task SignIn_Should_CountFailedSignInsInTheMetrics()
    {
        var metrics = Fixture.Factory.Services.GetRequiredService<HotlineMetrics>();
        var reasons = new ConcurrentQueue<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument, metrics.SignInFailures))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) => reasons.Enqueue((string)tags.ToArray().Single(t => t.Key == "reason").Value!));
        listener.Start();

        var user = await NewUserAsync();
        var address = NewAddress();
        for (var i = 0; i < 3; i++)
        {
            (await SignInAsync(user, Wrong, address)).Status.ShouldBe(401);
        }

        (await SignInAsync(user, Password, address)).Status.ShouldBe(429);

        reasons.ToArray().ShouldBe(["credentials", "credentials", "credentials", "throttled"]);
    }

    [Fact]
    public async Task SignIn_Should_ApplyTheSameLimits_When_TwoApiNodesShareTheDatabase()
    {
        await using var nodeB = new HotlineApiFactory(Fixture.Factory);
        var user = await NewUserAsync();
        var address = NewAddress();
        for (var i = 0; i < 3; i++)
        {
            (await SignInAsync(user, Wrong, address, i % 2 == 0 ? Fixture.Factory : nodeB)).Status.ShouldBe(401);
        }

        (await SignInAsync(user, Password, address, nodeB)).ShouldBeRefused(retryAfterSeconds: 10, "请 10 秒后重试");

        Clock.Advance(TimeSpan.FromSeconds(10));
        (await SignInAsync(user, Password, address, nodeB)).Status.ShouldBe(200);
        (await SignInAsync(user, Wrong, address)).Status.ShouldBe(401);
        (await SignInAsync(user, Password, address)).Status.ShouldBe(200, "node B's success cleared the count for node A");
    }

    private async Task<string> NewUserAsync()
    {
        using var admin = await ClientAsync("admin");
        var name = $"limit-{Guid.NewGuid():N}"[..16];
        var response = await admin.PostAsJsonAsync("/api/admin/users", new CreateUserRequest(name, "限流测试", Password, [Roles.Agent], null), Json.Options, Ct);
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return name;
    }

    private static string NewAddress() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    /// <summary>POST /api/auth/token as a client at <paramref name="address"/> (the test server sets no address by itself).</summary>
    private async Task<SignInAnswer> SignInAsync(string userName, string password, string address, HotlineApiFactory? node = null)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new TokenRequest(userName, password), Json.Options);
        var context = await (node ?? Fixture.Factory).Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/api/auth/token";
            c.Request.ContentType = "application/json";
            c.Request.Body = new MemoryStream(body);
            c.Request.ContentLength = body.Length;
            c.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
        }, Ct);
        using var reader = new StreamReader(context.Response.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(Ct);
        var detail = context.Response.StatusCode >= 400 && text.Length > 0 && JsonDocument.Parse(text).RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
        return new SignInAnswer(context.Response.StatusCode, context.Response.Headers.RetryAfter.ToString(), detail ?? text, context.Response.ContentType);
    }

    public sealed class OnSqlite(SignInLimitFixture.OnSqlite fixture) : SignInLimitTests(fixture), IClassFixture<SignInLimitFixture.OnSqlite>;

    public sealed class OnPostgreSql(SignInLimitFixture.OnPostgreSql fixture) : SignInLimitTests(fixture), IClassFixture<SignInLimitFixture.OnPostgreSql>;
}

internal sealed class HasBody : IHttpRequestBodyDetectionFeature
{
    public bool CanHaveBody => true;
}

internal sealed record SignInAnswer(int Status, string RetryAfter, string Detail, string? ContentType)
{
    public void ShouldBeRefused(int retryAfterSeconds, string detail)
    {
        Status.ShouldBe(429, Detail);
        ContentType.ShouldBe("application/problem+json");
        RetryAfter.ShouldBe(retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Detail.ShouldContain(detail);
    }
}

public abstract class SignInLimitFixture(DatabaseProvider provider, FakeTimeProvider clock) : ApiFixture(provider, clock, new Dictionary<string, string?>
{
    ["Auth:SignInLimits:AccountFreeFailures"] = "3",
    ["Auth:SignInLimits:AccountLockoutFailures"] = "5",
    ["Auth:SignInLimits:AddressFreeFailures"] = "6",
    ["Auth:SignInLimits:AddressLockoutFailures"] = "8",
    ["Auth:SignInLimits:FirstDelay"] = "00:00:10",
    ["Auth:SignInLimits:Lockout"] = "00:15:00",
})
{
    public FakeTimeProvider Clock { get; } = clock;

    public sealed class OnSqlite() : SignInLimitFixture(DatabaseProvider.Sqlite, new FakeTimeProvider(DateTimeOffset.UtcNow));

    public sealed class OnPostgreSql() : SignInLimitFixture(DatabaseProvider.PostgreSql, new FakeTimeProvider(DateTimeOffset.UtcNow));
}
