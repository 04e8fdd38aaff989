using FluentValidation.Results;

namespace Hotline.Core.Features.Citizens;

/// <summary>
/// What <see cref="Open311Attributes.Check"/> found: the order's district (sent or inferred) and street, the summary
/// the timeline shows, the canonical attributes (sorted by code, values trimmed, numbers parsed, lists sorted, so a
/// retry with reordered or padded fields has the same fingerprint), and every problem.
/// </summary>
public sealed record Open311AttributeCheck(
    string? District,
    string? Street,
    string Summary,
    SortedDictionary<string, IReadOnlyList<string>> Canonical,
    IReadOnlyList<ValidationFailure> Errors)
{
    public bool IsValid => Errors.Count == 0 && District is not null;
}
