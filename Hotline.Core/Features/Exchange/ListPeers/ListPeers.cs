using Hotline.Contracts.Exchange;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Exchange.ListPeers;

/// <summary>Every peer platform with its outbox state, by name (Admin).</summary>
public sealed record ListPeers : IRequest<IReadOnlyList<PeerDto>>;

public sealed class ListPeersHandler(HotlineDbContext db) : IRequestHandler<ListPeers, IReadOnlyList<PeerDto>>
{
    public async Task<IReadOnlyList<PeerDto>> Handle(ListPeers request, CancellationToken cancellationToken)
    {
        var peers = await db.PeerPlatforms.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var stats = await PeerMapper.StatsAsync(db, peers.Select(p => p.Id).ToList(), cancellationToken);
        return peers.Select(p => PeerMapper.ToDto(p, stats[p.Id])).ToList();
    }
}

public sealed record GetPeer(Guid Id) : IRequest<PeerDto>;

public sealed class GetPeerHandler(HotlineDbContext db) : IRequestHandler<GetPeer, PeerDto>
{
    public async Task<PeerDto> Handle(GetPeer request, CancellationToken cancellationToken)
    {
        var peer = await db.PeerPlatforms.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("对接平台", request.Id);
        return PeerMapper.ToDto(peer, (await PeerMapper.StatsAsync(db, [peer.Id], cancellationToken))[peer.Id]);
    }
}

/// <summary>The active peer hotlines an order can be transferred to (supervisors' 转办其他平台).</summary>
public sealed record ListTransferTargets : IRequest<IReadOnlyList<TransferTargetDto>>;

public sealed class ListTransferTargetsHandler(HotlineDbContext db) : IRequestHandler<ListTransferTargets, IReadOnlyList<TransferTargetDto>>
{
    public async Task<IReadOnlyList<TransferTargetDto>> Handle(ListTransferTargets request, CancellationToken cancellationToken) =>
        await db.PeerPlatforms.AsNoTracking().Where(p => p.Active && p.Kind == PeerKinds.Hotline).OrderBy(p => p.Name)
            .Select(p => new TransferTargetDto(p.Id, p.Name)).ToListAsync(cancellationToken);
}
