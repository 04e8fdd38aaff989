
namespace Hotline.Core.Features.Citizens;

/// <summary>A valid public submission over its phone number's limit: 429 with <c>Retry-After</c>, nothing stored.</summary>
public sealed class SubmissionThrottledException(TimeSpan retryAfter)
    : Exception("该电话号码提交过于频繁，请稍后再试。(Too many submissions for this phone number; try again later.)")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
