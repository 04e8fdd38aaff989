using Hotline.Contracts;
using Hotline.Contracts.Callbacks;

namespace Hotline.Agent.Services;

/// <summary>The callback desk (回访): its reference data and scripts, the surveys under way, retries, counts, 拨打.</summary>
public sealed partial class HotlineApi
{
    public Task<CallbackDeskDto> GetCallbackDeskAsync() => GetAsync<CallbackDeskDto>("api/callbacks/desk");

    public Task<IReadOnlyList<SurveyInProgressDto>> ListSurveysInProgressAsync() => GetAsync<IReadOnlyList<SurveyInProgressDto>>("api/callbacks/surveys");

    public Task<IReadOnlyList<CallbackRetryDto>> ListCallbackRetriesAsync() => GetAsync<IReadOnlyList<CallbackRetryDto>>("api/callbacks/retries");

    public Task<IReadOnlyList<DissatisfactionCountDto>> CountDissatisfactionAsync(string query) =>
        GetAsync<IReadOnlyList<DissatisfactionCountDto>>("api/callbacks/dissatisfaction?" + query);

    public Task<CallbackScriptDto> SaveCallbackScriptAsync(TicketType type, string body) =>
        SendAsync<CallbackScriptDto>(HttpMethod.Put, $"api/callbacks/scripts/{type}", new SaveCallbackScriptRequest(body));

    public Task<CallbackDialResponse> DialForCallbackAsync(Guid ticketId) =>
        SendAsync<CallbackDialResponse>(HttpMethod.Post, $"api/tickets/{ticketId}/callback-dial", null);
}
