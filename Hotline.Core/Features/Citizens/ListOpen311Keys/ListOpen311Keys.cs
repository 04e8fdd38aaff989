using Hotline.Contracts.Citizens;
using Hotline.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Citizens.ListOpen311Keys;

public sealed record ListOpen311Keys : IRequest<IReadOnlyList<Open311KeyDto>>;

public sealed class ListOpen311KeysHandler(HotlineDbContext db) : IRequestHandler<ListOpen311Keys, IReadOnlyList<Open311KeyDto>>
{
    public async Task<IReadOnlyList<Open311KeyDto>> Handle(ListOpen311Keys request, CancellationToken cancellationToken)
    {
        var clients = await db.Open311Clients.AsNoTracking().ToListAsync(cancellationToken);
        return clients.OrderByDescending(c => c.CreatedAt).Select(Open311KeyMapper.ToDto).ToList();
    }
}
