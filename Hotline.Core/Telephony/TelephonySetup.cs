using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Core.Telephony;

public static class TelephonySetup
{
    /// <summary>
    /// The Twilio adapter: options (validated at start), credentials, webhook validation, URLs, and the line surveys go
    /// out on: Twilio's REST client when Twilio is configured, otherwise the local line (see <see cref="TwilioCredentials.Line"/>).
    /// </summary>
    public static IServiceCollection AddHotlineTelephony(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Features.Callbacks.CallbackOptions>().Bind(configuration.GetSection(Features.Callbacks.CallbackOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Features.Quality.QualityOptions>().Bind(configuration.GetSection(Features.Quality.QualityOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Features.Calls.CallCentreOptions>().Bind(configuration.GetSection(Features.Calls.CallCentreOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TwilioCredentials>();
        services.AddSingleton<TelephonyUrls>();
        services.AddScoped<TwilioWebhookValidator>();
        services.AddHealthChecks().AddCheck<TelephonyHealthCheck>("telephony", tags: ["ready"]);
        services.AddHttpClient<TwilioRestClient>(c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<LocalLineClient>();
        services.AddTransient<ITwilioClient>(sp => sp.GetRequiredService<TwilioCredentials>().Line == TelephonyLine.Local
            ? sp.GetRequiredService<LocalLineClient>()
            : sp.GetRequiredService<TwilioRestClient>());
        return services;
    }
}
