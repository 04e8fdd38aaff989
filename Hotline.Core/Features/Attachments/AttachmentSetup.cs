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
        services.AddOptions<AttachmentOptions>().Bind(configuration.GetSection(AttachmentOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.Store != AttachmentStoreKind.S3 || !string.IsNullOrWhiteSpace(o.S3.Bucket), "Attachments:S3:Bucket is required with Attachments:Store=S3.")
            .ValidateOnStart();
        services.AddSingleton<IAttachmentStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AttachmentOptions>>().Value;
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var environment = sp.GetRequiredService<IHostEnvironment>();
            var root = Root(options, database, environment);
            return options.Store == AttachmentStoreKind.S3
                ? new S3AttachmentStore(S3AttachmentStore.CreateClient(options.S3), options.S3, Path.Combine(root, FileSystemAttachmentStore.SpoolFolder))
                : new FileSystemAttachmentStore(root, sp.GetRequiredService<TimeProvider>());
        });
        services.AddScoped<Privacy.IPersonalDataEraser, AttachmentEraser>();
        return services;
    }

    /// <summary><c>Attachments:Directory</c>, or <c>attachments</c> in the data folder, from the content root.</summary>
    public static string Root(AttachmentOptions options, DatabaseOptions database, IHostEnvironment environment) =>
        Path.GetFullPath(options.Directory ?? Path.Combine(database.DataDirectory, DefaultFolder), environment.ContentRootPath);
}
