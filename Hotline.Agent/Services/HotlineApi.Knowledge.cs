using Hotline.Contracts.Knowledge;

namespace Hotline.Agent.Services;

/// <summary>The knowledge base routes (docs/knowledge.md).</summary>
public sealed partial class HotlineApi
{
    public Task<KnowledgeSearchResult> SearchKnowledgeAsync(string q, int top, string? categoryCode = null, bool includeExpired = false)
    {
        var url = $"api/knowledge/search?q={Uri.EscapeDataString(q)}&top={top}";
        if (!string.IsNullOrEmpty(categoryCode))
        {
            url += "&categoryCode=" + Uri.EscapeDataString(categoryCode);
        }

        return GetAsync<KnowledgeSearchResult>(includeExpired ? url + "&includeExpired=true" : url);
    }

    public Task<ArticleDto> GetArticleAsync(Guid id) => GetAsync<ArticleDto>($"api/knowledge/articles/{id}");

    public Task<ArticleStatsDto> RecordArticleViewAsync(Guid id, Guid? searchId) =>
        SendAsync<ArticleStatsDto>(HttpMethod.Post, $"api/knowledge/articles/{id}/views", new ArticleViewRequest(searchId));

    public Task<ArticleStatsDto> VoteOnArticleAsync(Guid id, bool helpful) =>
        SendAsync<ArticleStatsDto>(HttpMethod.Post, $"api/knowledge/articles/{id}/votes", new ArticleVoteRequest(helpful));

    public Task<CorrectionDto> ProposeCorrectionAsync(Guid id, string text) =>
        SendAsync<CorrectionDto>(HttpMethod.Post, $"api/knowledge/articles/{id}/corrections", new CorrectionRequest(text));

    public Task<IReadOnlyList<ArticleSummaryDto>> ListArticlesAsync(ArticleStatus? status, string? q, int page, int pageSize)
    {
        var url = $"api/knowledge/articles?page={page}&pageSize={pageSize}";
        if (status is not null)
        {
            url += "&status=" + status;
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            url += "&q=" + Uri.EscapeDataString(q.Trim());
        }

        return GetAsync<IReadOnlyList<ArticleSummaryDto>>(url);
    }

    public Task<ArticleDto> CreateArticleAsync(ArticleRequest request) => SendAsync<ArticleDto>(HttpMethod.Post, "api/knowledge/articles", request);

    public Task<ArticleDto> EditArticleAsync(Guid id, ArticleRequest request) => SendAsync<ArticleDto>(HttpMethod.Put, $"api/knowledge/articles/{id}", request);

    public Task<ArticleDto> SubmitArticleAsync(Guid id, int version) =>
        SendAsync<ArticleDto>(HttpMethod.Post, $"api/knowledge/articles/{id}/submit", new NoteOnlyRequest(null, version));

    public Task<ArticleDto> ReviewArticleAsync(Guid id, bool approve, string? note, int version) =>
        SendAsync<ArticleDto>(HttpMethod.Post, $"api/knowledge/articles/{id}/review", new ReviewRequest(approve, note, version));

    public Task<ArticleDto> RetireArticleAsync(Guid id, string? note, int version) =>
        SendAsync<ArticleDto>(HttpMethod.Post, $"api/knowledge/articles/{id}/retire", new NoteOnlyRequest(note, version));

    public Task<IReadOnlyList<ArticleVersionDto>> ListArticleVersionsAsync(Guid id) => GetAsync<IReadOnlyList<ArticleVersionDto>>($"api/knowledge/articles/{id}/versions");

    public Task<ArticlePreviewDto> PreviewArticleAsync(string body) => SendAsync<ArticlePreviewDto>(HttpMethod.Post, "api/knowledge/preview", new ArticlePreviewRequest(body));

    public Task<IReadOnlyList<KnowledgeGapDto>> ListKnowledgeGapsAsync() => GetAsync<IReadOnlyList<KnowledgeGapDto>>("api/knowledge/gaps?top=100");

    public Task<KnowledgeInsightsDto> GetKnowledgeInsightsAsync() => GetAsync<KnowledgeInsightsDto>("api/knowledge/insights");

    public Task<IReadOnlyList<ReviewDueDto>> ListReviewDueAsync() => GetAsync<IReadOnlyList<ReviewDueDto>>("api/knowledge/review-due");

    public Task<IReadOnlyList<CorrectionDto>> ListCorrectionsAsync() => GetAsync<IReadOnlyList<CorrectionDto>>("api/knowledge/corrections");

    public Task<CorrectionDto> ResolveCorrectionAsync(Guid id, bool accept, string? note) =>
        SendAsync<CorrectionDto>(HttpMethod.Post, $"api/knowledge/corrections/{id}/resolution", new ResolveCorrectionRequest(accept, note));
}
