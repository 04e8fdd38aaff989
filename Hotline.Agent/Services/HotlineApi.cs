using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hotline.Contracts;
using Hotline.Contracts.Auth;
using Hotline.Contracts.Kpis;
using Hotline.Contracts.Realtime;
using Hotline.Contracts.Reference;
using Hotline.Contracts.Telephony;
using Hotline.Contracts.Tickets;

namespace Hotline.Agent.Services;

/// <summary>The typed client of the Hotline API: bearer token, enums as strings, ProblemDetails as <see cref="ApiException"/>.</summary>
public sealed partial class HotlineApi(HttpClient http, Session session)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// Signs in; null on success. <c>CodeRequired</c> when the account has a second factor and the next try must carry
    /// <paramref name="code"/> (the authenticator's six digits or a recovery code); then the error says why, if any.
    /// </summary>
    public async Task<(string? Error, bool CodeRequired)> SignInAsync(string userName, string password, string? code = null)
    {
        try
        {
            var response = await http.PostAsJsonAsync("api/auth/token", new TokenRequest(userName, password, code), Json);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                var problem = await ReadProblemAsync(response);
                return problem?.TwoFactorRequired == true
                    ? (code is null ? null : problem.Detail ?? problem.Title, true)
                    : ("用户名或密码错误。", false);
            }

            if (!response.IsSuccessStatusCode)
            {
                return ((await ToExceptionAsync(response)).Message, code is not null);
            }

            await session.SignInAsync((await response.Content.ReadFromJsonAsync<TokenResponse>(Json))!);
            return (null, false);
        }
        catch (HttpRequestException)
        {
            return ("无法连接服务器，请检查网络后重试。", code is not null);
        }
    }

    public Task<TwoFactorStatusDto> GetTwoFactorStatusAsync() => GetAsync<TwoFactorStatusDto>("api/account/2fa");

    public Task<TwoFactorEnrolmentDto> EnrolTwoFactorAsync() => SendAsync<TwoFactorEnrolmentDto>(HttpMethod.Post, "api/account/2fa/enrol", null);

    public Task<RecoveryCodesDto> ConfirmTwoFactorAsync(string code) => SendAsync<RecoveryCodesDto>(HttpMethod.Post, "api/account/2fa/confirm", new TwoFactorConfirmRequest(code));

    public Task<PagedResult<TicketListItemDto>> ListTicketsAsync(string query) =>
        GetAsync<PagedResult<TicketListItemDto>>("api/tickets?" + query);

    public Task<TicketDto> GetTicketAsync(Guid id) => GetAsync<TicketDto>($"api/tickets/{id}");

    public Task<CallerHistoryDto> GetCallerHistoryAsync(string phone) => GetAsync<CallerHistoryDto>($"api/tickets/caller-history?phone={Uri.EscapeDataString(phone)}");

    public Task<DispatchSuggestionDto> GetDispatchSuggestionAsync(Guid id) => GetAsync<DispatchSuggestionDto>($"api/tickets/{id}/dispatch-suggestion");

    public Task<IReadOnlyList<TicketListItemDto>> ListCallbacksAsync() => GetAsync<IReadOnlyList<TicketListItemDto>>("api/callbacks?due=true");

    public Task<IReadOnlyList<EventEnvelope>> GetEventsAsync(long since, int limit) => GetAsync<IReadOnlyList<EventEnvelope>>($"api/events?since={since}&limit={limit}");

    public Task<EventHead> GetEventHeadAsync() => GetAsync<EventHead>("api/events/head");

    public Task<IReadOnlyList<UnitDto>> GetUnitsAsync() => GetAsync<IReadOnlyList<UnitDto>>("api/units");

    public Task<IReadOnlyList<RegionDto>> GetRegionsAsync() => GetAsync<IReadOnlyList<RegionDto>>("api/regions");

    public Task<IReadOnlyList<CategoryDto>> GetCategoriesAsync() => GetAsync<IReadOnlyList<CategoryDto>>("api/categories");

    public Task<TicketDto> RegisterAsync(RegisterTicketRequest request, string idempotencyKey) =>
        SendAsync<TicketDto>(HttpMethod.Post, "api/tickets", request, idempotencyKey);

    /// <summary>A transition: <c>POST api/tickets/{id}/{action}</c> with its body.</summary>
    public Task<TicketDto> TransitionAsync(Guid id, string action, object body) =>
        SendAsync<TicketDto>(HttpMethod.Post, $"api/tickets/{id}/{action}", body);

    /// <summary>紧急移交 to 110/119/120/122: recorded on the order, and sent when the service's peer platform is configured.</summary>
    public Task<Hotline.Contracts.Exchange.EmergencyHandoverDto> EmergencyHandoverAsync(Guid id, Hotline.Contracts.Exchange.EmergencyHandoverRequest request) =>
        SendAsync<Hotline.Contracts.Exchange.EmergencyHandoverDto>(HttpMethod.Post, $"api/tickets/{id}/emergency-handover", request);

    /// <summary>疑难/典型: <c>PUT</c> sets the flag, <c>DELETE</c> clears it (supervisors).</summary>
    public Task<TicketDto> SetFlagAsync(Guid id, TicketFlag flag, bool on) =>
        SendAsync<TicketDto>(on ? HttpMethod.Put : HttpMethod.Delete, $"api/tickets/{id}/flags/{flag}", null);

    public Task<CitizenPhoneDto> RevealPhoneAsync(Guid id) =>
        SendAsync<CitizenPhoneDto>(HttpMethod.Post, $"api/tickets/{id}/citizen-phone", new { });

    public Task<IReadOnlyList<ReviewRuleDto>> ListReviewRulesAsync() => GetAsync<IReadOnlyList<ReviewRuleDto>>("api/review-rules");

    /// <summary>Replaces the whole list of 办结审核 rules (an empty list switches the review off).</summary>
    public Task<IReadOnlyList<ReviewRuleDto>> ReplaceReviewRulesAsync(IReadOnlyList<UpsertReviewRuleRequest> rules) =>
        SendAsync<IReadOnlyList<ReviewRuleDto>>(HttpMethod.Put, "api/review-rules", rules);

    public Task<Hotline.Contracts.Privacy.AnonymiseCitizenResult> AnonymiseCitizenAsync(Hotline.Contracts.Privacy.AnonymiseCitizenRequest request) =>
        SendAsync<Hotline.Contracts.Privacy.AnonymiseCitizenResult>(HttpMethod.Post, "api/admin/citizens/anonymise", request);

    public Task<IReadOnlyList<Hotline.Contracts.Citizens.Open311KeyDto>> ListOpen311KeysAsync() =>
        GetAsync<IReadOnlyList<Hotline.Contracts.Citizens.Open311KeyDto>>("api/admin/open311-keys");

    public Task<Hotline.Contracts.Citizens.Open311KeyCreated> CreateOpen311KeyAsync(string name) =>
        SendAsync<Hotline.Contracts.Citizens.Open311KeyCreated>(HttpMethod.Post, "api/admin/open311-keys", new Hotline.Contracts.Citizens.CreateOpen311KeyRequest(name));

    public Task<Hotline.Contracts.Citizens.Open311KeyDto> RevokeOpen311KeyAsync(Guid id) =>
        SendAsync<Hotline.Contracts.Citizens.Open311KeyDto>(HttpMethod.Delete, $"api/admin/open311-keys/{id}", null);

    public Task<AgentPresenceDto> GetPresenceAsync() => GetAsync<AgentPresenceDto>("api/agents/me/presence");

    public Task<AgentPresenceDto> SetPresenceAsync(AgentPresenceStatus status) =>
        SendAsync<AgentPresenceDto>(HttpMethod.Put, "api/agents/me/presence", new SetPresenceRequest(status));

    public Task<AgentPresenceDto> SetDeviceAsync(string? phone, CallConnection connection) =>
        SendAsync<AgentPresenceDto>(HttpMethod.Put, "api/agents/me/device", new SetAgentDeviceRequest(phone, connection));

    public Task<SoftphoneTokenDto> GetSoftphoneTokenAsync() => GetAsync<SoftphoneTokenDto>("api/agents/me/softphone-token");

    public Task<WallboardDto> GetWallboardAsync() => GetAsync<WallboardDto>("api/kpis/calls/live");

    public Task<IReadOnlyList<CallDto>> ListActiveCallsAsync() => GetAsync<IReadOnlyList<CallDto>>("api/calls?active=true");

    /// <summary>接听: the front caller of the queue (409 with a Chinese detail when the agent cannot answer).</summary>
    public Task<AnswerCallResponse> AnswerCallAsync() => SendAsync<AnswerCallResponse>(HttpMethod.Post, "api/calls/answer", null);

    /// <summary>保持, 取消保持, 挂断 (<c>hold</c>, <c>resume</c>, <c>hangup</c>) on the agent's own call.</summary>
    public Task<CallControlResponse> ControlCallAsync(Guid id, string action) => SendAsync<CallControlResponse>(HttpMethod.Post, $"api/calls/{id}/{action}", null);

    /// <summary>转接: to another agent, a unit's duty phone, or 三方转接 to 110/119/120/122.</summary>
    public Task<CallControlResponse> TransferCallAsync(Guid id, TransferCallRequest request) => SendAsync<CallControlResponse>(HttpMethod.Post, $"api/calls/{id}/transfer", request);

    public Task<Hotline.Contracts.Quality.QaSampleDto> GetQaSampleAsync(string? week) =>
        GetAsync<Hotline.Contracts.Quality.QaSampleDto>("api/qa/sample" + (string.IsNullOrEmpty(week) ? "" : "?week=" + Uri.EscapeDataString(week)));

    public Task<IReadOnlyList<Hotline.Contracts.Quality.QaChecklistItemDto>> GetQaChecklistAsync() => GetAsync<IReadOnlyList<Hotline.Contracts.Quality.QaChecklistItemDto>>("api/qa/checklist");

    public Task<IReadOnlyList<Hotline.Contracts.Quality.QaChecklistItemDto>> SaveQaChecklistAsync(Hotline.Contracts.Quality.SaveQaChecklistRequest request) =>
        SendAsync<IReadOnlyList<Hotline.Contracts.Quality.QaChecklistItemDto>>(HttpMethod.Put, "api/qa/checklist", request);

    public Task<Hotline.Contracts.Quality.QaReviewDto> ReviewCallAsync(Guid callId, Hotline.Contracts.Quality.ScoreCallRequest request) =>
        SendAsync<Hotline.Contracts.Quality.QaReviewDto>(HttpMethod.Post, $"api/qa/calls/{callId}/review", request);

    public Task<Hotline.Contracts.Quality.QaAgentScoresDto> GetQaAgentScoresAsync() => GetAsync<Hotline.Contracts.Quality.QaAgentScoresDto>("api/qa/agents");

    public Task<IReadOnlyList<MissedCallDto>> ListMissedCallsAsync() => GetAsync<IReadOnlyList<MissedCallDto>>("api/calls/missed");

    public Task<MissedCallCallbackResponse> CallBackMissedCallAsync(Guid id) => SendAsync<MissedCallCallbackResponse>(HttpMethod.Post, $"api/calls/missed/{id}/callback", null);

    public Task<MissedCallDto> RecordMissedCallOutcomeAsync(Guid id, MissedCallOutcome outcome, string? note) =>
        SendAsync<MissedCallDto>(HttpMethod.Post, $"api/calls/missed/{id}/outcome", new RecordMissedCallOutcomeRequest(outcome, note));

    public Task<IReadOnlyList<UnitMeasuresDto>> GetUnitMeasuresAsync(string query) => GetAsync<IReadOnlyList<UnitMeasuresDto>>("api/kpis/units?" + query);

    /// <summary><paramref name="dimension"/>: <c>districts</c> or <c>categories</c>.</summary>
    public Task<IReadOnlyList<GroupMeasuresDto>> GetGroupMeasuresAsync(string dimension, string query) => GetAsync<IReadOnlyList<GroupMeasuresDto>>($"api/kpis/{dimension}?{query}");

    public Task<IReadOnlyList<RankingEntryDto>> GetRankingAsync(string query) => GetAsync<IReadOnlyList<RankingEntryDto>>("api/kpis/ranking?" + query);

    public Task<VolumeReportDto> GetVolumesAsync(string query) => GetAsync<VolumeReportDto>("api/kpis/volumes?" + query);

    /// <summary>The orders behind a figure (<c>api/kpis/orders</c>, docs/kpis.md "Drill-down").</summary>
    public Task<KpiOrdersDto> GetKpiOrdersAsync(string query) => GetAsync<KpiOrdersDto>("api/kpis/orders?" + query);

    public Task<HonorRollDto> GetHonorRollAsync(string? month) => GetAsync<HonorRollDto>("api/kpis/honor-roll" + (month is null ? "" : "?month=" + Uri.EscapeDataString(month)));

    public Task<HotSpotReportDto> GetHotSpotsAsync(string query) => GetAsync<HotSpotReportDto>("api/kpis/hotspots?" + query);

    /// <summary>审计日志 (Admin): <paramref name="query"/> is the filter's query string.</summary>
    public Task<PagedResult<Hotline.Contracts.Audit.AuditEntryDto>> SearchAuditAsync(string query) =>
        GetAsync<PagedResult<Hotline.Contracts.Audit.AuditEntryDto>>("api/admin/audit?" + query);

    public Task<Hotline.Contracts.Audit.AuditVerificationDto> VerifyAuditAsync() => GetAsync<Hotline.Contracts.Audit.AuditVerificationDto>("api/admin/audit/verify");

    /// <summary>An export (<c>api/kpis/export/…</c>): the file's bytes and name, read with the bearer token.</summary>
    public async Task<(byte[] Content, string FileName)> DownloadAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = await SendCheckedAsync(request);
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName ?? "export";
        return (await response.Content.ReadAsByteArrayAsync(), name.Trim('"'));
    }

    private Task<T> GetAsync<T>(string url) => SendAsync<T>(HttpMethod.Get, url, null);

    private async Task<T> SendAsync<T>(HttpMethod method, string url, object? body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        using var response = await SendCheckedAsync(request);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    /// <summary>Sends with the bearer token; a failure becomes an <see cref="ApiException"/>, and a 401 signs out.</summary>
    private async Task<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage request)
    {
        var token = await session.AccessTokenAsync();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await SendOnceAsync(request);

        // Refused although renewed ahead of time (the tab slept past the expiry, say): renew and send once more when
        // the body can be sent again (an upload's streams cannot).
        if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null && request.Content is not (StreamContent or MultipartContent)
            && await session.RefreshAsync(token))
        {
            response.Dispose();
            using var again = new HttpRequestMessage(request.Method, request.RequestUri) { Content = request.Content };
            foreach (var header in request.Headers.Where(h => h.Key != "Authorization"))
            {
                again.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            again.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token?.AccessToken);
            response = await SendOnceAsync(again);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var error = await ToExceptionAsync(response);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                await session.SignOutAsync();
            }

            throw error;
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request)
    {
        try
        {
            return await http.SendAsync(request);
        }
        catch (HttpRequestException)
        {
            throw new ApiException(0, "无法连接服务器，请检查网络后重试。");
        }
    }

    private static async Task<ApiException> ToExceptionAsync(HttpResponseMessage response)
    {
        var problem = await ReadProblemAsync(response);

        var prefix = response.StatusCode switch
        {
            HttpStatusCode.BadRequest => "输入有误",
            HttpStatusCode.Unauthorized => "登录已失效，请重新登录",
            HttpStatusCode.Forbidden => "无权执行此操作",
            HttpStatusCode.NotFound => "未找到或无权查看",
            HttpStatusCode.Conflict => "操作未完成",
            HttpStatusCode.TooManyRequests => "请求过于频繁，请稍后重试",
            >= HttpStatusCode.InternalServerError => "服务器错误",
            _ => $"请求失败（{(int)response.StatusCode}）",
        };

        var text = new StringBuilder(prefix);
        if (!string.IsNullOrWhiteSpace(problem?.Detail))
        {
            text.Append('：').Append(problem.Detail);
        }
        else if (problem?.Title is { Length: > 0 } title && response.StatusCode != HttpStatusCode.BadRequest)
        {
            text.Append('：').Append(title);
        }

        if (problem?.Errors is { Count: > 0 } errors)
        {
            text.Append('：').Append(string.Join("；", errors.SelectMany(e => e.Value)));
        }

        return new ApiException(response.StatusCode, text.ToString(), problem?.Errors);
    }

    private static async Task<Problem?> ReadProblemAsync(HttpResponseMessage response)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<Problem>(Json);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            // Not a ProblemDetails body: fall back to the status.
            return null;
        }
    }

    private sealed record Problem(string? Title, string? Detail, int? Status, Dictionary<string, string[]>? Errors, bool? TwoFactorRequired = null);
}
