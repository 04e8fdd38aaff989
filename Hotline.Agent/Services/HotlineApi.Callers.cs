using System.Net.Http.Json;
using System.Text;
using Hotline.Contracts.Telephony;

namespace Hotline.Agent.Services;

/// <summary>The caller registries: 优先来电人 (agents set and clear, admins import), 恶意来电 (supervisors, admins), 专席 (admins).</summary>
public sealed partial class HotlineApi
{
    public Task<CallerInfoDto> GetCallerInfoAsync(string phone) => GetAsync<CallerInfoDto>($"api/callers/{Uri.EscapeDataString(phone)}");

    public Task<PriorityCallerDto> SetPriorityCallerAsync(string phone, PriorityCallerKind? kind, string? note) =>
        SendAsync<PriorityCallerDto>(HttpMethod.Put, $"api/callers/{Uri.EscapeDataString(phone)}/priority", new SetPriorityCallerRequest(kind, note));

    public Task ClearPriorityCallerAsync(string phone) => SendNoContentAsync(HttpMethod.Delete, $"api/callers/{Uri.EscapeDataString(phone)}/priority");

    public Task<IReadOnlyList<PriorityCallerDto>> ListPriorityCallersAsync(string? query) =>
        GetAsync<IReadOnlyList<PriorityCallerDto>>("api/admin/priority-callers" + (string.IsNullOrWhiteSpace(query) ? "" : "?q=" + Uri.EscapeDataString(query)));

    /// <summary>Imports CSV lines (号码,类别,备注): all or nothing, the bad lines in the 400's errors.</summary>
    public async Task<PriorityCallerImportResult> ImportPriorityCallersAsync(string csv)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/admin/priority-callers/import") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        using var response = await SendCheckedAsync(request);
        return (await response.Content.ReadFromJsonAsync<PriorityCallerImportResult>(Json))!;
    }

    public Task<IReadOnlyList<FlaggedCallerDto>> ListFlaggedCallersAsync() => GetAsync<IReadOnlyList<FlaggedCallerDto>>("api/admin/flagged-callers");

    public Task<FlaggedCallerDto> SaveFlaggedCallerAsync(string phone, SaveFlaggedCallerRequest request) =>
        SendAsync<FlaggedCallerDto>(HttpMethod.Put, $"api/admin/flagged-callers/{Uri.EscapeDataString(phone)}", request);

    public Task RemoveFlaggedCallerAsync(string phone) => SendNoContentAsync(HttpMethod.Delete, $"api/admin/flagged-callers/{Uri.EscapeDataString(phone)}");

    public Task<SeatGroupsDto> GetSeatGroupsAsync() => GetAsync<SeatGroupsDto>("api/admin/seat-groups");

    public Task<AgentSeatGroupsDto> SetAgentSeatGroupsAsync(Guid userId, IReadOnlyList<string> groups) =>
        SendAsync<AgentSeatGroupsDto>(HttpMethod.Put, $"api/admin/agents/{userId}/seat-groups", new SetAgentSeatGroupsRequest(groups));
}
