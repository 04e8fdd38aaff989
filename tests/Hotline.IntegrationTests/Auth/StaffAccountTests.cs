using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hotline.Contracts;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Auth;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Users.TwoFactor;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Hotline.IntegrationTests.Auth;

/// <summary>
/// Staff accounts (docs/security.md): the TOTP second factor with its recovery codes, the roles that require it, the
/// lockout, sessions an Admin ends, the password rules, and their audit entries. The clock is fake, so a test moves
/// to the next 30-second step when it needs a new code; three failures lock an account.
/// </summary>
public abstract class StaffAccountTests(StaffAccountFixture fixture) : ApiTestBase(fixture)
{
    private const string Password = "Hotline#2026-staff";

    private FakeTimeProvider Clock => fixture.Clock;

    [Fact]
    public async Task SignIn_Should_AskForTheCode_RefuseAReusedOne_AndTakeEachRecoveryCodeOnce_When_TheAccountHasASecondFactor()
    {
        var (user, id) = await NewUserAsync(Roles.Agent);
        var (secret, recovery) = await EnrolAsync(user);

        var asked = await (await SignInAsync(user, Password)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        asked.GetProperty("twoFactorRequired").GetBoolean().ShouldBeTrue();
        asked.GetProperty("detail").GetString()!.ShouldContain("6 位动态验证码");

        // The confirmation used this step's code: it does not sign in too.
        var replayed = await (await SignInAsync(user, Password, TotpCodes.Compute(secret, Clock.GetUtcNow()))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        replayed.GetProperty("detail").GetString()!.ShouldContain("已经用过");

        NextStep();
        var code = TotpCodes.Compute(secret, Clock.GetUtcNow());
        var signedIn = await (await SignInAsync(user, Password, code)).ReadAsync<TokenResponse>();
        signedIn.TwoFactorEnrolmentRequired.ShouldBeFalse();
        (await SignInAsync(user, Password, code)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the same step's code a second time");

        var wrong = await (await SignInAsync(user, Password, "000000" == code ? "111111" : "000000")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        wrong.GetProperty("title").GetString()!.ShouldContain("动态验证码错误");

        var spare = recovery[3].ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal);
        (await SignInAsync(user, Password, spare)).StatusCode.ShouldBe(HttpStatusCode.OK, "a recovery code, typed loosely");
        (await SignInAsync(user, Password, recovery[3])).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "a recovery code works once");

        var entries = await AuditAsync($"action={AuditActions.SignIn}&actor={user}");
        entries.Items.Select(e => e.Summary).ShouldContain("登录（动态验证码）");
        entries.Items.Select(e => e.Summary).ShouldContain("登录（恢复码，剩余 9 个）");
        (await AuditAsync($"action={AuditActions.SignInFailed}&actor={user}")).Total.ShouldBe(4);
        var enabled = await AuditAsync($"action={AuditActions.TwoFactorEnabled}&actor={user}");
        enabled.Total.ShouldBe(1);
        enabled.Items[0].TargetId.ShouldBe(id.ToString());
    }

    [Fact]
    public async Task SignIn_Should_OnlyOpenTheEnrolment_When_ARequiredRoleHasNoSecondFactorYet()
    {
        var (user, _) = await NewUserAsync(Roles.Supervisor);
        var first = await (await SignInAsync(user, Password)).ReadAsync<TokenResponse>();
        first.TwoFactorEnrolmentRequired.ShouldBeTrue();

        using var limited = Bearer(first.AccessToken);
        var blocked = await (await limited.GetAsync("/api/tickets", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        blocked.GetProperty("twoFactorEnrolmentRequired").GetBoolean().ShouldBeTrue();
        var status = await (await limited.GetAsync("/api/account/2fa", Ct)).ReadAsync<TwoFactorStatusDto>();
        (status.Enabled, status.Required).ShouldBe((false, true));

        var secret = (await (await limited.PostAsync("/api/account/2fa/enrol", null, Ct)).ReadAsync<TwoFactorEnrolmentDto>()).Secret;
        (await limited.PostAsJsonAsync("/api/account/2fa/confirm", new TwoFactorConfirmRequest(TotpCodes.Compute(secret, Clock.GetUtcNow())), Json.Options, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        (await SignInAsync(user, Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "now the code is needed");
        NextStep();
        var full = await (await SignInAsync(user, Password, TotpCodes.Compute(secret, Clock.GetUtcNow()))).ReadAsync<TokenResponse>();
        full.TwoFactorEnrolmentRequired.ShouldBeFalse();
        using var supervisor = Bearer(full.AccessToken);
        (await supervisor.GetAsync("/api/tickets", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_Should_LetADemoSupervisorInWithThePasswordAlone_When_TheDemoCityIsSeeded()
    {
        var answer = await (await SignInAsync("supervisor", ApiFixture.DemoPassword)).ReadAsync<TokenResponse>();
        answer.TwoFactorEnrolmentRequired.ShouldBeFalse();
        answer.User.Roles.ShouldContain(Roles.Supervisor);
    }

    [Fact]
    public async Task SignIn_Should_LockTheAccountWithAChineseMessage_When_WrongCodesAreTriedRepeatedly()
    {
        var (user, _) = await NewUserAsync(Roles.Agent);
        var (secret, _) = await EnrolAsync(user);
        NextStep();
        var right = TotpCodes.Compute(secret, Clock.GetUtcNow());
        var wrong = right == "123456" ? "654321" : "123456";
        for (var i = 0; i < 3; i++)
        {
            (await SignInAsync(user, Password, wrong)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var locked = await (await SignInAsync(user, Password, right)).ShouldBeProblemAsync((HttpStatusCode)429);
        locked.GetProperty("detail").GetString()!.ShouldContain("已临时锁定，请于");
        locked.GetProperty("detail").GetString()!.ShouldContain("（北京时间）后重试");

        Clock.Advance(TimeSpan.FromMinutes(15));
        (await SignInAsync(user, Password, TotpCodes.Compute(secret, Clock.GetUtcNow()))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task EndSession_Should_StopItsRefreshAndItsAccessToken_When_AnAdminEndsIt()
    {
        var (user, id) = await NewUserAsync(Roles.Agent);
        var first = await (await SignInAsync(user, Password)).ReadAsync<TokenResponse>();
        var second = await (await SignInAsync(user, Password)).ReadAsync<TokenResponse>();
        using var admin = await ClientAsync("admin");
        var sessions = await (await admin.GetAsync($"/api/admin/users/{id}/sessions", Ct)).ReadAsync<List<SessionDto>>();
        sessions.Select(s => s.Id).ShouldBe([second.SessionId!.Value, first.SessionId!.Value], ignoreOrder: true);

        var refreshed = await (await RefreshAsync(first.RefreshToken)).ReadAsync<TokenResponse>();
        refreshed.SessionId.ShouldBe(first.SessionId);
        (await RefreshAsync(first.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "a refresh token works once");

        (await admin.DeleteAsync($"/api/admin/users/{id}/sessions/{first.SessionId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var ended = await (await RefreshAsync(refreshed.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        ended.GetProperty("title").GetString()!.ShouldContain("登录会话已结束");
        using (var old = Bearer(refreshed.AccessToken))
        {
            (await old.GetAsync("/api/units", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using (var other = Bearer(second.AccessToken))
        {
            (await other.GetAsync("/api/units", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "the other session goes on");
        }

        (await admin.DeleteAsync($"/api/admin/users/{id}/sessions/{first.SessionId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.DeleteAsync($"/api/admin/users/{id}/sessions/{Guid.NewGuid()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await admin.GetAsync($"/api/admin/users/{id}/sessions", Ct)).ReadAsync<List<SessionDto>>()).Select(s => s.Id).ShouldBe([second.SessionId!.Value]);
        var audit = await AuditAsync($"action={AuditActions.SessionEnded}&actor=admin&pageSize=50");
        audit.Items.Count(e => e.TargetId == first.SessionId.ToString()).ShouldBe(1);
    }

    [Fact]
    public async Task Passwords_Should_BeRefusedNamingTheRule_When_TooShortOrCommon()
    {
        using var admin = await ClientAsync("admin");
        var name = "pw" + Guid.NewGuid().ToString("N")[..8];
        var shortOne = await (await admin.PostAsJsonAsync("/api/admin/users", new CreateUserRequest(name, "密码测试", "Ab#1234", [Roles.Agent], null), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        shortOne.GetProperty("errors").GetProperty("password")[0].GetString().ShouldBe("密码至少需要 10 个字符。");
        var common = await (await admin.PostAsJsonAsync("/api/admin/users", new CreateUserRequest(name, "密码测试", "qwertyuiop", [Roles.Agent], null), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        common.GetProperty("errors").GetProperty("password")[0].GetString()!.ShouldContain("常见或已泄露");
        (await (await admin.GetAsync("/api/admin/users", Ct)).ReadAsync<List<UserDto>>()).ShouldNotContain(u => u.UserName == name);

        var (user, id) = await NewUserAsync(Roles.Agent);
        var reset = await (await admin.PutAsJsonAsync($"/api/admin/users/{id}", new UpdateUserRequest(null, "password123", null, null, null), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        reset.ErrorFields().ShouldBe(["password"]);

        var token = (await (await SignInAsync(user, Password)).ReadAsync<TokenResponse>()).AccessToken;
        using var self = Bearer(token);
        var wrongCurrent = await (await self.PostAsJsonAsync("/api/account/password", new ChangePasswordRequest("not-mine-at-all", "Another#2026-pass"), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        wrongCurrent.ErrorFields().ShouldBe(["currentPassword"]);
        var withName = await (await self.PostAsJsonAsync("/api/account/password", new ChangePasswordRequest(Password, user + "#2026x"), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        withName.GetProperty("errors").GetProperty("newPassword")[0].GetString().ShouldBe("密码不能包含登录名。");
        (await self.PostAsJsonAsync("/api/account/password", new ChangePasswordRequest(Password, "Another#2026-pass"), Json.Options, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await self.GetAsync("/api/units", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "a new password ends the old tokens");
        (await SignInAsync(user, "Another#2026-pass")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AuditAsync($"action={AuditActions.PasswordChanged}&actor={user}")).Total.ShouldBe(1);
    }

    [Fact]
    public async Task ResetTwoFactor_Should_LetTheAccountSignInWithThePasswordAgain_When_AnAdminResetsIt()
    {
        var (user, id) = await NewUserAsync(Roles.Agent);
        await EnrolAsync(user);
        using var admin = await ClientAsync("admin");
        (await admin.DeleteAsync($"/api/admin/users/{id}/2fa", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await SignInAsync(user, Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AuditAsync($"action={AuditActions.TwoFactorReset}&actor=admin&pageSize=50")).Items.Count(e => e.TargetId == id.ToString()).ShouldBe(1);
    }

    [Fact]
    public async Task TwoFactorSecret_Should_BeStoredEncrypted_And_StillVerifyCodes_When_AnAccountEnrols()
    {
        var (user, id) = await NewUserAsync(Roles.Agent);

        var (secret, _) = await EnrolAsync(user);

        var stored = await StoredSecretAsync(id);
        stored.ShouldStartWith(TotpSecretProtector.Prefix);
        stored.ShouldNotContain(secret, Case.Insensitive, "the column holds the encrypted secret, never the Base32 one");
        stored.ShouldNotContain(Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(secret)));
        NextStep();
        (await SignInAsync(user, Password, TotpCodes.Compute(secret, Clock.GetUtcNow()))).StatusCode.ShouldBe(HttpStatusCode.OK);
        NextStep();
        (await SignInAsync(user, Password, TotpCodes.Compute(TotpCodes.NewSecret(), Clock.GetUtcNow()))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PlainSecret_Should_KeepVerifying_And_BeEncryptedAtStart_When_ItWasStoredBeforeEncryptionAtRest()
    {
        var (user, id) = await NewUserAsync(Roles.Agent);
        var (secret, _) = await EnrolAsync(user);
        using (var scope = Fixture.Factory.Services.CreateScope())
        {
            // The column as the previous version wrote it: the Base32 secret itself.
            await scope.ServiceProvider.GetRequiredService<HotlineDbContext>().Users.Where(u => u.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.TwoFactorSecret, secret), Ct);
        }

        NextStep();
        (await SignInAsync(user, Password, TotpCodes.Compute(secret, Clock.GetUtcNow()))).StatusCode.ShouldBe(HttpStatusCode.OK, "an existing enrolment keeps working");

        using (var scope = Fixture.Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Hotline.Core.Data.Seeding.DatabaseInitializer>().InitializeAsync(Ct);
        }

        var stored = await StoredSecretAsync(id);
        stored.ShouldStartWith(TotpSecretProtector.Prefix, Case.Sensitive, "the start-up step encrypted it");
        stored.ShouldNotContain(secret);
        NextStep();
        (await SignInAsync(user, Password, TotpCodes.Compute(secret, Clock.GetUtcNow()))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<string> StoredSecretAsync(Guid userId)
    {
        using var scope = Fixture.Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<HotlineDbContext>().Users.AsNoTracking()
            .Where(u => u.Id == userId).Select(u => u.TwoFactorSecret).SingleAsync(Ct))!;
    }

    private void NextStep() => Clock.Advance(TimeSpan.FromSeconds(TotpCodes.StepSeconds));

    private async Task<(string UserName, Guid Id)> NewUserAsync(string role)
    {
        using var admin = await ClientAsync("admin");
        var name = "staff" + Guid.NewGuid().ToString("N")[..8];
        var created = await (await admin.PostAsJsonAsync("/api/admin/users", new CreateUserRequest(name, "两步验证测试", Password, [role], null), Json.Options, Ct))
            .ReadAsync<UserDto>(HttpStatusCode.Created);
        return (name, created.Id);
    }

    /// <summary>Enrols and confirms with this step's code; answers the secret and the recovery codes.</summary>
    private async Task<(string Secret, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(string user)
    {
        using var client = Bearer((await (await SignInAsync(user, Password)).ReadAsync<TokenResponse>()).AccessToken);
        var enrolment = await (await client.PostAsync("/api/account/2fa/enrol", null, Ct)).ReadAsync<TwoFactorEnrolmentDto>();
        enrolment.OtpAuthUri.ShouldStartWith($"otpauth://totp/");
        enrolment.OtpAuthUri.ShouldContain($"secret={enrolment.Secret}");
        enrolment.QrCodeSvg.ShouldContain("<svg");

        var bad = await (await client.PostAsJsonAsync("/api/account/2fa/confirm", new TwoFactorConfirmRequest("12345"), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        bad.ErrorFields().ShouldBe(["code"]);
        var codes = await (await client.PostAsJsonAsync("/api/account/2fa/confirm", new TwoFactorConfirmRequest(TotpCodes.Compute(enrolment.Secret, Clock.GetUtcNow())), Json.Options, Ct))
            .ReadAsync<RecoveryCodesDto>();
        codes.Codes.Count.ShouldBe(10);
        codes.Codes.Distinct().Count().ShouldBe(10);
        (await client.PostAsync("/api/account/2fa/enrol", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "a second factor in force is reset by an Admin only");
        return (enrolment.Secret, codes.Codes);
    }

    private async Task<HttpResponseMessage> SignInAsync(string user, string password, string? code = null)
    {
        using var anonymous = Fixture.AnonymousClient();
        return await anonymous.PostAsJsonAsync("/api/auth/token", new TokenRequest(user, password, code), Json.Options, Ct);
    }

    private async Task<HttpResponseMessage> RefreshAsync(string? refreshToken)
    {
        using var anonymous = Fixture.AnonymousClient();
        return await anonymous.PostAsJsonAsync("/api/auth/refresh", new RefreshRequest(refreshToken), Json.Options, Ct);
    }

    private HttpClient Bearer(string token)
    {
        var client = Fixture.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<PagedResult<AuditEntryDto>> AuditAsync(string query)
    {
        using var admin = await ClientAsync("admin");
        return await (await admin.GetAsync($"/api/admin/audit?{query}", Ct)).ReadAsync<PagedResult<AuditEntryDto>>();
    }

    public sealed class OnSqlite(StaffAccountFixture.OnSqlite fixture) : StaffAccountTests(fixture), IClassFixture<StaffAccountFixture.OnSqlite>;

    public sealed class OnPostgreSql(StaffAccountFixture.OnPostgreSql fixture) : StaffAccountTests(fixture), IClassFixture<StaffAccountFixture.OnPostgreSql>;
}

public abstract class StaffAccountFixture(DatabaseProvider provider, FakeTimeProvider clock) : ApiFixture(provider, clock, new Dictionary<string, string?>
{
    ["Auth:SignInLimits:AccountFreeFailures"] = "3",
    ["Auth:SignInLimits:AccountLockoutFailures"] = "3",
    ["Auth:SignInLimits:Lockout"] = "00:15:00",
})
{
    public FakeTimeProvider Clock { get; } = clock;

    public sealed class OnSqlite() : StaffAccountFixture(DatabaseProvider.Sqlite, new FakeTimeProvider(DateTimeOffset.UtcNow));

    public sealed class OnPostgreSql() : StaffAccountFixture(DatabaseProvider.PostgreSql, new FakeTimeProvider(DateTimeOffset.UtcNow));
}
