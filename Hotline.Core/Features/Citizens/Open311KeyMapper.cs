using Hotline.Contracts.Citizens;
using Hotline.Domain.Citizens;

namespace Hotline.Core.Features.Citizens;

internal static class Open311KeyMapper
{
    public static Open311KeyDto ToDto(Open311Client c) => new(c.Id, c.Name, c.KeyPrefix, c.CreatedBy, c.CreatedAt, c.RevokedAt, c.LastUsedAt);
}
