using Hotline.Core.Features.Users;
using Hotline.Core.Features.Users.Passwords;
using Microsoft.Extensions.Options;
using Shouldly;

namespace Hotline.UnitTests.Users;

public sealed class PasswordPolicyTests
{
    private readonly PasswordPolicy _policy = new(Options.Create(new AccountOptions()));

    [Theory]
    [InlineData("Ab#12345", "密码至少需要 10 个字符。")]
    [InlineData("", "请输入密码。")]
    [InlineData("qwertyuiop", "该密码属于常见或已泄露的密码，请换一个不易被猜到的密码。")]
    [InlineData("PASSWORD123", "该密码属于常见或已泄露的密码，请换一个不易被猜到的密码。")]
    [InlineData("1234567890", "该密码属于常见或已泄露的密码，请换一个不易被猜到的密码。")]
    public void Problem_Should_NameTheRule_When_APasswordBreaksIt(string password, string expected) => _policy.Problem(password).ShouldBe(expected);

    [Fact]
    public void Problem_Should_RefuseTheUserName_When_ThePasswordContainsIt() =>
        _policy.Problem("Zhangqiang#2026", "zhangqiang").ShouldBe("密码不能包含登录名。");

    [Theory]
    [InlineData("Hotline#2026-staff")]
    [InlineData("热线值班员的长密码2026")]
    public void Problem_Should_BeNull_When_ThePasswordMeetsEveryRule(string password) => _policy.Problem(password, "agent7").ShouldBeNull();

    [Fact]
    public void TheShippedList_Should_HoldTenThousandCommonPasswords()
    {
        PasswordPolicy.IsCommon("123456").ShouldBeTrue();
        PasswordPolicy.IsCommon("iloveyou").ShouldBeTrue();
        PasswordPolicy.IsCommon("Hotline#2026-staff").ShouldBeFalse();
    }

    [Fact]
    public void MinLength_Should_FollowTheOptions()
    {
        var strict = new PasswordPolicy(Options.Create(new AccountOptions { PasswordMinLength = 14 }));
        strict.Problem("Hotline#2026x").ShouldBe("密码至少需要 14 个字符。");
    }

    [Fact]
    public void RequiredRoles_Should_DefaultToAdminAndSupervisor_And_BeConfigurable()
    {
        new AccountOptions().RequiresSecondFactor(["Supervisor"]).ShouldBeTrue();
        new AccountOptions().RequiresSecondFactor(["Agent"]).ShouldBeFalse();
        new AccountOptions { TwoFactorRequiredRoles = "Agent, Department" }.RequiresSecondFactor(["Department"]).ShouldBeTrue();
        new AccountOptions { TwoFactorRequiredRoles = "" }.RequiresSecondFactor(["Admin"]).ShouldBeFalse();
    }
}
