using Hotline.Contracts;
using Hotline.Contracts.Auth;
using Hotline.Contracts.Reference;
using Hotline.Contracts.Tickets;

namespace Hotline.Agent.Services;

/// <summary>The admin pages' calls: staff accounts and the reference data (units, regions, categories, catalogue, SLA, calendar).</summary>
public sealed partial class HotlineApi
{
    public Task<IReadOnlyList<UserDto>> ListUsersAsync() => GetAsync<IReadOnlyList<UserDto>>("api/admin/users");

    public Task<UserDto> CreateUserAsync(CreateUserRequest request) => SendAsync<UserDto>(HttpMethod.Post, "api/admin/users", request);

    public Task<UserDto> UpdateUserAsync(Guid id, UpdateUserRequest request) => SendAsync<UserDto>(HttpMethod.Put, $"api/admin/users/{id}", request);

    public Task<IReadOnlyList<SessionDto>> ListSessionsAsync(Guid userId) => GetAsync<IReadOnlyList<SessionDto>>($"api/admin/users/{userId}/sessions");

    /// <summary>Removes an account's second factor and recovery codes (a lost phone): it enrols again at its next sign-in.</summary>
    public Task ResetTwoFactorAsync(Guid userId) => SendNoContentAsync(HttpMethod.Delete, $"api/admin/users/{userId}/2fa");

    public Task EndSessionAsync(Guid userId, Guid sessionId) => SendNoContentAsync(HttpMethod.Delete, $"api/admin/users/{userId}/sessions/{sessionId}");

    public Task<UnitDto> SaveUnitAsync(Guid? id, UpsertUnitRequest request) => id is { } existing
        ? SendAsync<UnitDto>(HttpMethod.Put, $"api/units/{existing}", request)
        : SendAsync<UnitDto>(HttpMethod.Post, "api/units", request);

    public Task DeleteUnitAsync(Guid id) => SendNoContentAsync(HttpMethod.Delete, $"api/units/{id}");

    public Task<RegionDto> SaveRegionAsync(string code, UpsertRegionRequest request) =>
        SendAsync<RegionDto>(HttpMethod.Put, $"api/regions/{Uri.EscapeDataString(code)}", request);

    public Task<CategoryDto> SaveCategoryAsync(string code, UpsertCategoryRequest request) =>
        SendAsync<CategoryDto>(HttpMethod.Put, $"api/categories/{Uri.EscapeDataString(code)}", request);

    public Task<IReadOnlyList<DispatchRuleDto>> ListDispatchRulesAsync() => GetAsync<IReadOnlyList<DispatchRuleDto>>("api/dispatch-rules");

    public Task<DispatchRuleDto> SaveDispatchRuleAsync(Guid? id, UpsertDispatchRuleRequest request) => id is { } existing
        ? SendAsync<DispatchRuleDto>(HttpMethod.Put, $"api/dispatch-rules/{existing}", request)
        : SendAsync<DispatchRuleDto>(HttpMethod.Post, "api/dispatch-rules", request);

    public Task DeleteDispatchRuleAsync(Guid id) => SendNoContentAsync(HttpMethod.Delete, $"api/dispatch-rules/{id}");

    /// <summary>What the catalogue suggests for a category at a place: the same resolution an order's dispatch suggestion runs.</summary>
    public Task<DispatchSuggestionDto> ResolveDispatchAsync(string categoryCode, string? districtCode, string? streetCode) =>
        GetAsync<DispatchSuggestionDto>(
            $"api/dispatch-rules/resolve?categoryCode={Uri.EscapeDataString(categoryCode)}"
            + (string.IsNullOrEmpty(districtCode) ? "" : "&districtCode=" + Uri.EscapeDataString(districtCode))
            + (string.IsNullOrEmpty(streetCode) ? "" : "&streetCode=" + Uri.EscapeDataString(streetCode)));

    public Task<IReadOnlyList<SlaPolicyDto>> ListSlaPoliciesAsync() => GetAsync<IReadOnlyList<SlaPolicyDto>>("api/sla-policies");

    public Task<SlaPolicyDto> SaveSlaPolicyAsync(Urgency tier, UpsertSlaPolicyRequest request) =>
        SendAsync<SlaPolicyDto>(HttpMethod.Put, $"api/sla-policies/{tier}", request);

    public Task<SlaPreviewDto> PreviewSlaAsync(Urgency tier, DateTimeOffset from) =>
        GetAsync<SlaPreviewDto>($"api/sla/preview?tier={tier}&from={Uri.EscapeDataString(from.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}");

    public Task<IReadOnlyList<CalendarDayDto>> GetCalendarYearAsync(int year) => GetAsync<IReadOnlyList<CalendarDayDto>>($"api/calendar/{year}");

    public Task<IReadOnlyList<CalendarDayDto>> ReplaceCalendarYearAsync(int year, IReadOnlyList<CalendarDayDto> days) =>
        SendAsync<IReadOnlyList<CalendarDayDto>>(HttpMethod.Put, $"api/calendar/{year}", days);

    /// <summary>系统对接: units' own systems with machine credentials (docs/integration.md).</summary>
    public Task<IReadOnlyList<UnitClientDto>> ListUnitClientsAsync() => GetAsync<IReadOnlyList<UnitClientDto>>("api/admin/unit-clients");

    public Task<UnitClientSecretDto> IssueUnitClientAsync(string name, Guid? unitId) =>
        SendAsync<UnitClientSecretDto>(HttpMethod.Post, "api/admin/unit-clients", new CreateUnitClientRequest(name, unitId));

    public Task<UnitClientSecretDto> RotateUnitClientAsync(Guid id) => SendAsync<UnitClientSecretDto>(HttpMethod.Post, $"api/admin/unit-clients/{id}/secret", new { });

    public Task RevokeUnitClientAsync(Guid id) => SendNoContentAsync(HttpMethod.Delete, $"api/admin/unit-clients/{id}");

    private async Task SendNoContentAsync(HttpMethod method, string url)
    {
        using var request = new HttpRequestMessage(method, url);
        using var response = await SendCheckedAsync(request);
    }
}
