using Hotline.Contracts;
using Hotline.Domain.Common;

namespace Hotline.Core.Features.Citizens;

/// <summary>Where a public submission came from; the actor is what the timeline shows as "who".</summary>
public sealed record CitizenSource(Channel Channel, Actor Actor, Guid? Open311ClientId, string ClientName, string? ServiceCode, string? Attributes, string? RegistrationNote)
{
    public const string WebClientName = "web";

    /// <summary>The public form: the timeline shows 市民（网上表单）.</summary>
    public static CitizenSource Web() => new(Channel.Web, Actor.System("市民（网上表单）"), null, WebClientName, null, null, null);
}
