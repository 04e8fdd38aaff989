
namespace Hotline.Core.Features.Citizens;

/// <summary>The per-phone limit of the public form (the API's rate limiter): null when allowed, otherwise how long to wait.</summary>
public interface ISubmissionPhoneLimit
{
    TimeSpan? Rejects(string? phone);
}
