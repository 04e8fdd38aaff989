using System.Net;
using Hotline.Agent.Services;
using Hotline.Contracts;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Hotline.Agent.Pages.Admin;

/// <summary>
/// What every admin page shares: the admin check (others see why the page is closed; the API answers them 403
/// anyway), a busy flag, the error summary, field errors from the API's ProblemDetails, and the success note
/// shown only after a save went through.
/// </summary>
public abstract class AdminPage : ComponentBase
{
    [Inject]
    protected HotlineApi Api { get; set; } = default!;

    [Inject]
    protected Session Session { get; set; } = default!;

    [Inject]
    protected ReferenceData Reference { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected FormErrors Errors { get; } = new();

    protected bool Busy { get; private set; }

    protected string? Error { get; set; }

    protected string? Success { get; set; }

    /// <summary>Not an admin, or the API refused with 403: the page says so instead of showing its forms.</summary>
    protected bool Forbidden { get; private set; }

    private string? _focus;

    /// <summary>Shows a field error found before any call (the summary and the focus as for the API's).</summary>
    protected void Refuse(string field, string message)
    {
        Success = null;
        Errors.Clear();
        Errors.Set(field, message);
        Error = "有 1 处需要修改，已在对应栏目下标出。";
        _focus = field;
    }

    /// <summary>Who may use the page: administrators, unless a page opens to more roles.</summary>
    protected virtual bool MayUse => Session.IsIn(Roles.Admin);

    protected override async Task OnInitializedAsync()
    {
        if (!MayUse)
        {
            Forbidden = true;
            return;
        }

        await RunAsync(LoadAsync);
    }

    /// <summary>Loads the page's data (called once the admin check passed).</summary>
    protected abstract Task LoadAsync();

    /// <summary>
    /// Runs a call: on success shows <paramref name="success"/> (unless the action set its own); a 400 puts its messages under the fields
    /// <paramref name="fieldOf"/> names (in <paramref name="order"/> for the focus); any other refusal is the summary.
    /// Returns whether the call went through.
    /// </summary>
    protected async Task<bool> RunAsync(Func<Task> action, string? success = null, Func<string, string?>? fieldOf = null, IReadOnlyList<string>? order = null)
    {
        Busy = true;
        Success = null;
        Error = null;
        Errors.Clear();
        try
        {
            await action();
            Success ??= success;
            return true;
        }
        catch (ApiException ex) when (ex.Status == HttpStatusCode.Forbidden)
        {
            Forbidden = true;
        }
        catch (ApiException ex)
        {
            var unplaced = fieldOf is null ? [] : Errors.Show(ex, fieldOf, order ?? []);
            Error = Errors.Count == 0 ? ex.Message
                : $"有 {Errors.Count} 处需要修改，已在对应栏目下标出。" + (unplaced.Count == 0 ? "" : string.Join(" ", unplaced));
            _focus = Errors.First;
        }
        finally
        {
            Busy = false;
        }

        return false;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focus is { } field)
        {
            _focus = null;
            await JS.InvokeVoidAsync("hotlineFocus", field);
        }
    }
}
