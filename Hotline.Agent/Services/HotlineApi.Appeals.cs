using Hotline.Contracts;
using Hotline.Contracts.Tickets;

namespace Hotline.Agent.Services;

/// <summary>申诉: what the lead unit may appeal on an order, and the supervisors' list.</summary>
public sealed partial class HotlineApi
{
    public Task<IReadOnlyList<AppealOptionDto>> GetAppealOptionsAsync(Guid ticketId) =>
        GetAsync<IReadOnlyList<AppealOptionDto>>($"api/tickets/{ticketId}/appeals/options");

    public Task<IReadOnlyList<AppealListItemDto>> ListAppealsAsync(AppealStatus? status) =>
        GetAsync<IReadOnlyList<AppealListItemDto>>(status is { } s ? $"api/appeals?status={s}" : "api/appeals");

    public Task<AppealPolicyDto> GetAppealPolicyAsync() => GetAsync<AppealPolicyDto>("api/appeal-policy");

    public Task<AppealPolicyDto> SaveAppealPolicyAsync(int windowWorkingDays) =>
        SendAsync<AppealPolicyDto>(HttpMethod.Put, "api/appeal-policy", new AppealPolicyDto(windowWorkingDays));
}
