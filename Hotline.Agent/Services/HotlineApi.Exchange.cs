using Hotline.Contracts.Exchange;

namespace Hotline.Agent.Services;

/// <summary>跨平台转办: the 平台对接 page's calls and the supervisors' transfer targets (docs/integration.md).</summary>
public sealed partial class HotlineApi
{
    public Task<IReadOnlyList<PeerDto>> ListPeersAsync() => GetAsync<IReadOnlyList<PeerDto>>("api/admin/peers");

    public Task<PeerSavedDto> CreatePeerAsync(SavePeerRequest body) => SendAsync<PeerSavedDto>(HttpMethod.Post, "api/admin/peers", body);

    public Task<PeerSavedDto> UpdatePeerAsync(Guid id, SavePeerRequest body) => SendAsync<PeerSavedDto>(HttpMethod.Put, $"api/admin/peers/{id}", body);

    public Task<PeerDto> DisablePeerAsync(Guid id) => SendAsync<PeerDto>(HttpMethod.Post, $"api/admin/peers/{id}/disable", new { });

    public Task<PeerRedeliveredDto> RedeliverPeerAsync(Guid id) => SendAsync<PeerRedeliveredDto>(HttpMethod.Post, $"api/admin/peers/{id}/redeliver", new RedeliverPeerRequest(null));

    public Task<IReadOnlyList<TransferTargetDto>> ListTransferTargetsAsync() => GetAsync<IReadOnlyList<TransferTargetDto>>("api/tickets/transfer-targets");
}
