using System.ComponentModel.DataAnnotations;

namespace Hotline.Core.Features.Calls;

/// <summary>Section <c>Calls</c>: the call centre's rules.</summary>
public sealed class CallCentreOptions : IValidatableObject
{
    public const string Section = "Calls";

    /// <summary>Wrap-up (话后处理) after each answered call before the agent is available again; the agent may end it early.</summary>
    public TimeSpan WrapUpTime { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (WrapUpTime < TimeSpan.Zero || WrapUpTime > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("Calls:WrapUpTime must be between 00:00:00 and 01:00:00.", [nameof(WrapUpTime)]);
        }
    }
}
