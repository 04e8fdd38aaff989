using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Core.Features.Assist;

public static class AssistSetup
{
    /// <summary>The large-model assist: off unless Intelligence:Chat:Endpoint and :Model are set.</summary>
    public static IServiceCollection AddAssist(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AssistOptions>().Bind(configuration.GetSection(AssistOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AssistChat>();
        return services;
    }
}
