using FluentValidation;

namespace Hotline.Core.Features.Reference;

internal static class ReferenceRules
{
    /// <summary>Codes are short ASCII identifiers: letters, digits, hyphens.</summary>
    public const string CodePattern = "^[A-Za-z0-9-]{1,32}$";

    public static IRuleBuilderOptions<T, string?> MustBeCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Matches(CodePattern).WithMessage("代码只能包含字母、数字和连字符，最长 32 位。");

    public static IRuleBuilderOptions<T, string?> MustBeName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(100);
}
