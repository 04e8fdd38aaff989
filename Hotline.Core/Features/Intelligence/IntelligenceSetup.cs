using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Core.Features.Intelligence;

public static class IntelligenceSetup
{
    /// <summary>The featurizer and this node's active model exist in every host (the training job takes them).</summary>
    public static IServiceCollection AddIntelligence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntelligenceOptions>().Bind(configuration.GetSection(IntelligenceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new TextFeaturizer(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<IntelligenceOptions>>().Value.UseWords));
        services.AddSingleton<ActiveCategoryModel>();
        return services;
    }

    /// <summary>Loads the active model at start and follows activations (the API host, which classifies).</summary>
    public static IServiceCollection AddCategoryModelServing(this IServiceCollection services) =>
        services.AddHostedService<CategoryModelRefresher>();
}
