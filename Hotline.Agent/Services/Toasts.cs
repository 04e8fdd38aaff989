namespace Hotline.Agent.Services;

public sealed record Toast(Guid Id, string Kind, string Title, string Text, string? Link);

/// <summary>Transient notices (预警, 超期, 来电) shown in the corner; each fades after a while.</summary>
public sealed class Toasts
{
    private readonly List<Toast> _items = [];

    public IReadOnlyList<Toast> Items => _items;

    public event Action? Changed;

    public void Show(string kind, string title, string text, Guid? ticketId = null) =>
        Show(kind, title, text, ticketId is { } id ? $"tickets/{id}" : null);

    public void Show(string kind, string title, string text, string? link)
    {
        var toast = new Toast(Guid.NewGuid(), kind, title, text, link);
        _items.Insert(0, toast);
        if (_items.Count > 5)
        {
            _items.RemoveAt(_items.Count - 1);
        }

        Changed?.Invoke();
        _ = DismissLaterAsync(toast.Id);
    }

    public void Dismiss(Guid id)
    {
        if (_items.RemoveAll(t => t.Id == id) > 0)
        {
            Changed?.Invoke();
        }
    }

    private async Task DismissLaterAsync(Guid id)
    {
        await Task.Delay(TimeSpan.FromSeconds(15));
        Dismiss(id);
    }
}
