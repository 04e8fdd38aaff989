using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Core.Telephony;

public static class TelephonySetup
{
    /// <summary>The Twilio adapter: options (validated at start), credentials, the REST client, webhook validation, URLs.</summary>
    public static IServiceCollection AddHotlineTelephony(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Features.Callbacks.CallbackOptions>().Bind(configuration.GetSection(Features.Callbacks.CallbackOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TwilioCredentials>();
        services.AddSingleton<TelephonyUrls>();
        services.AddScoped<TwilioWebhookValidator>();
        services.AddHttpClient<ITwilioClient, TwilioRestClient>(c => c.Timeout = Timeout.InfiniteTimeSpan);
        return services;
    }
}
