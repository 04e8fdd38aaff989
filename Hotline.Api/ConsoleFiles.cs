using Microsoft.Extensions.FileProviders;

namespace Hotline.Api;

/// <summary>
/// Where the console's files come from. A build of the API publishes the console (trimmed, precompressed) into
/// <c>console/wwwroot</c> beside its own output (Hotline.Api.csproj, PublishConsoleBesideApi); when that folder is
/// there, it comes first in the web root, so the framework files, index.html and the SPA fallback are the published
/// console's, while the API's own files (the citizen pages) stay reachable behind it. A published deployment has no
/// such folder: its wwwroot already holds the published console.
/// </summary>
public static class ConsoleFiles
{
    public static string? PublishedRoot(string baseDirectory)
    {
        var root = Path.Combine(baseDirectory, "console", "wwwroot");
        return File.Exists(Path.Combine(root, "index.html")) ? root : null;
    }

    public static void UsePublishedConsole(this IWebHostEnvironment environment, string baseDirectory)
    {
        if (PublishedRoot(baseDirectory) is { } root)
        {
            environment.WebRootFileProvider = new CompositeFileProvider(new PhysicalFileProvider(root), environment.WebRootFileProvider);
        }
    }
}
