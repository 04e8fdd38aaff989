namespace Hotline.Core.Features.Citizens;

/// <summary>Open311 sends every field as a string: blank means not sent.</summary>
internal static class Open311Fields
{
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
