using Hotline.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Intelligence;

/// <summary>Every <see cref="IntelligenceOptions.RefreshInterval"/>, asks which model is active and loads it off the request path.</summary>
public sealed partial class CategoryModelRefresher(IServiceScopeFactory scopes, ActiveCategoryModel active, IOptions<IntelligenceOptions> options, ILogger<CategoryModelRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await active.RefreshAsync(scope.ServiceProvider.GetRequiredService<HotlineDbContext>(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e.GetBaseException().Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for the active category model: {Reason}")]
    private partial void LogFailed(string reason);
}
