using Hotline.Core.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Attachments;

public static class AttachmentSetup
{
    public const string DefaultFolder = "attachments";

    public static IServiceCollection AddAttachments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AttachmentOptions>().Bind(configuration.GetSection(AttachmentOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAttachmentStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AttachmentOptions>>().Value;
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var environment = sp.GetRequiredService<IHostEnvironment>();
            return new FileSystemAttachmentStore(Root(options, database, environment), sp.GetRequiredService<TimeProvider>());
        });
        services.AddScoped<Privacy.IPersonalDataEraser, AttachmentEraser>();
        return services;
    }

    /// <summary><c>Attachments:Directory</c>, or <c>attachments</c> in the data folder, from the content root.</summary>
    public static string Root(AttachmentOptions options, DatabaseOptions database, IHostEnvironment environment) =>
        Path.GetFullPath(options.Directory ?? Path.Combine(database.DataDirectory, DefaultFolder), environment.ContentRootPath);
}
