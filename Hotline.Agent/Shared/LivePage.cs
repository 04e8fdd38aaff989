using Hotline.Agent.Services;
using Hotline.Contracts.Realtime;
using Microsoft.AspNetCore.Components;

namespace Hotline.Agent.Shared;

/// <summary>
/// A page that shows server data and keeps it current: it loads on open and re-fetches when the hub (or the
/// re-sync after a reconnect) reports a change it cares about. Errors become a Chinese message on the page.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    [Inject] protected RealtimeConnection Realtime { get; set; } = default!;

    [Inject] protected HotlineApi Api { get; set; } = default!;

    [Inject] protected ReferenceData Reference { get; set; } = default!;

    [Inject] protected Session Session { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    private string? _error;

    /// <summary>Set by <see cref="RefreshAsync"/> when a load failed: only such an error is cleared by the next good load.</summary>
    private bool _errorFromLoad;

    /// <summary>
    /// The message on the page. A live refresh (another desk's change) does not clear it: a form's error summary stays
    /// until the user acts again.
    /// </summary>
    protected string? Error
    {
        get => _error;
        set => (_error, _errorFromLoad) = (value, false);
    }

    protected override async Task OnInitializedAsync()
    {
        Realtime.TicketChanged += OnTicketChangedAsync;
        try
        {
            await Reference.EnsureLoadedAsync();
        }
        catch (ApiException ex)
        {
            Error = ex.Message;
        }

        await RefreshAsync();
    }

    protected abstract Task LoadAsync();

    protected virtual bool IsRelevant(TicketChanged change) => true;

    protected async Task RefreshAsync()
    {
        try
        {
            await LoadAsync();
            if (_errorFromLoad)
            {
                Error = null;
            }
        }
        catch (ApiException ex)
        {
            Error = ex.Message;
            _errorFromLoad = true;
        }
    }

    /// <summary>Runs a user action; its failure (409 and the like) is shown, not thrown.</summary>
    protected async Task<bool> RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            Error = null;
            return true;
        }
        catch (ApiException ex)
        {
            Error = ex.Message;
            return false;
        }
    }

    private Task OnTicketChangedAsync(TicketChanged change) =>
        IsRelevant(change)
            ? InvokeAsync(async () =>
            {
                await RefreshAsync();
                StateHasChanged();
            })
            : Task.CompletedTask;

    public virtual void Dispose()
    {
        Realtime.TicketChanged -= OnTicketChangedAsync;
        GC.SuppressFinalize(this);
    }
}
