using Hotline.Contracts.Intelligence;
using Hotline.Contracts.Tickets;

namespace Hotline.Agent.Services;

/// <summary>Text intelligence (docs/intelligence.md): category suggestions, similar demands, the models and their acceptance.</summary>
public sealed partial class HotlineApi
{
    /// <summary>Null when no model is active (409): the console then simply shows no suggestion.</summary>
    public async Task<ClassifyResult?> ClassifyAsync(string content, string? districtCode, string? streetCode)
    {
        try
        {
            return await SendAsync<ClassifyResult>(HttpMethod.Post, "api/intelligence/classify", new ClassifyRequest(content, districtCode, streetCode));
        }
        catch (ApiException ex) when (ex.Status == System.Net.HttpStatusCode.Conflict)
        {
            return null;
        }
    }

    public Task<SimilarTicketsResult> FindSimilarAsync(string content, string? districtCode, string? streetCode, int days = 30)
    {
        var url = $"api/tickets/similar?content={Uri.EscapeDataString(content)}&days={days}";
        if (!string.IsNullOrEmpty(districtCode))
        {
            url += "&districtCode=" + Uri.EscapeDataString(districtCode);
        }

        if (!string.IsNullOrEmpty(streetCode))
        {
            url += "&streetCode=" + Uri.EscapeDataString(streetCode);
        }

        return GetAsync<SimilarTicketsResult>(url);
    }

    public Task<SimilarClustersResult> FindSimilarClustersAsync(int days) => GetAsync<SimilarClustersResult>($"api/tickets/similar-clusters?days={days}");

    public Task<IReadOnlyList<CategoryModelDto>> ListCategoryModelsAsync() => GetAsync<IReadOnlyList<CategoryModelDto>>("api/intelligence/category-models");

    public Task<CategoryModelDto> TrainCategoryModelAsync() => SendAsync<CategoryModelDto>(HttpMethod.Post, "api/intelligence/category-models", new { });

    public Task<CategoryModelDto> ActivateCategoryModelAsync(Guid id) => SendAsync<CategoryModelDto>(HttpMethod.Post, $"api/intelligence/category-models/{id}/activate", new { });

    public Task<SuggestionAcceptanceDto> GetSuggestionAcceptanceAsync(string query) => GetAsync<SuggestionAcceptanceDto>("api/intelligence/category-models/acceptance?" + query);
}
