using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Tickets.Similarity;

public static class SimilaritySetup
{
    /// <summary>The index and its sync exist in every host (the change handler takes them); only a host that serves look-ups runs the sync.</summary>
    public static IServiceCollection AddTicketSimilarity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SimilarityOptions>().Bind(configuration.GetSection(SimilarityOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new TicketSimilarityIndex(sp.GetRequiredService<IOptions<SimilarityOptions>>().Value.CommonShare));
        services.AddSingleton<TicketSimilarityIndexSync>();
        services.AddScoped<SimilarTicketReader>();
        return services;
    }

    /// <summary>Builds this node's index at start and keeps it current (the API host).</summary>
    public static IServiceCollection AddTicketSimilarityIndexing(this IServiceCollection services) =>
        services.AddHostedService(sp => sp.GetRequiredService<TicketSimilarityIndexSync>());
}
