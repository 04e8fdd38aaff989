using Hotline.Agent.Services;
using Hotline.Agent.Shared;
using Hotline.Contracts.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Hotline.Agent.Pages.Kpis;

/// <summary>
/// A measures page: like every live page it loads on open and follows <c>TicketChanged</c>, but a burst of
/// changes (a busy hour) becomes one re-fetch a few seconds after the last one, since its queries are heavier.
/// </summary>
public abstract class KpiPage : LivePage
{
    private static readonly TimeSpan Debounce = TimeSpan.FromSeconds(3);

    private CancellationTokenSource? _pending;

    [Inject] protected IJSRuntime JS { get; set; } = default!;

    /// <summary>When the figures on the page were read.</summary>
    protected DateTimeOffset? LoadedAt { get; set; }

    protected bool Exporting { get; private set; }

    /// <summary>The drill-down page of a figure: <c>kpis/orders?measure=…&amp;…</c> with the row's key and the period.</summary>
    protected static string DrillHref(string measure, string key, string period, string label, string outcome = "all") =>
        $"kpis/orders?measure={measure}&outcome={outcome}&{key}{(key.Length > 0 ? "&" : "")}{period}&label={Uri.EscapeDataString(label)}";

    protected static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0") + "%" : "—";

    protected override bool IsRelevant(TicketChanged change)
    {
        _pending?.Cancel();
        var pending = new CancellationTokenSource();
        _pending = pending;
        _ = Task.Delay(Debounce, pending.Token).ContinueWith(
            t =>
            {
                if (!t.IsCanceled)
                {
                    _ = InvokeAsync(async () =>
                    {
                        await RefreshAsync();
                        StateHasChanged();
                    });
                }
            },
            TaskScheduler.Default);
        return false;
    }

    /// <summary>Downloads <c>api/kpis/export/{table}?format=…&amp;…</c> and hands it to the browser as a file.</summary>
    protected Task ExportAsync(string table, string format, string query) => DownloadAsync($"api/kpis/export/{table}?format={format}&{query}", format);

    /// <summary>Downloads an export (<c>format</c> csv or xlsx) and hands it to the browser as a file.</summary>
    protected async Task DownloadAsync(string url, string format)
    {
        Exporting = true;
        await RunAsync(async () =>
        {
            var (content, fileName) = await Api.DownloadAsync(url);
            await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/kpis.js");
            await module.InvokeVoidAsync("saveFile", fileName, format == "csv" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content);
        });
        Exporting = false;
    }

    public override void Dispose()
    {
        _pending?.Cancel();
        base.Dispose();
    }
}
