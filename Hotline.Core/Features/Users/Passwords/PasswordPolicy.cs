using System.Collections.Frozen;
using System.Reflection;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Users.Passwords;

/// <summary>
/// The rules a new staff password must meet: at least <see cref="AccountOptions.PasswordMinLength"/> characters, not
/// the account's name, and not one of the 10,000 most common passwords (the list shipped in this assembly,
/// <c>common-passwords.txt</c>, compared without case). Checked where a password is set: an Admin creating an account
/// or resetting its password, and a user changing their own. Sign-in never checks it, so old passwords keep working.
/// </summary>
public sealed class PasswordPolicy(IOptions<AccountOptions> options)
{
    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommon);

    public int MinLength => options.Value.PasswordMinLength;

    /// <summary>The first rule the password breaks, in Chinese, or null when it meets them all.</summary>
    public string? Problem(string? password, string? userName = null)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "请输入密码。";
        }

        if (password.Length < MinLength)
        {
            return $"密码至少需要 {MinLength} 个字符。";
        }

        if (userName is not null && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            return "密码不能包含登录名。";
        }

        return Common.Value.Contains(password) ? "该密码属于常见或已泄露的密码，请换一个不易被猜到的密码。" : null;
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password);

    private static FrozenSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Hotline.Core.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from Hotline.Core.");
        using var reader = new StreamReader(stream);
        var words = new List<string>(10_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}

public static class PasswordPolicyRules
{
    /// <summary>The policy as a validator rule: a 400 naming the rule that was broken.</summary>
    public static IRuleBuilderOptions<T, string?> MeetsPolicy<T>(this IRuleBuilder<T, string?> rule, PasswordPolicy policy, Func<T, string?>? userName = null) =>
        rule.Must((root, password, context) =>
        {
            var problem = policy.Problem(password, userName?.Invoke(root));
            context.MessageFormatter.AppendArgument("PasswordProblem", problem);
            return problem is null;
        }).WithMessage("{PasswordProblem}");
}
