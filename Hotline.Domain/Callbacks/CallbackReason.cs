namespace Hotline.Domain.Callbacks;

/// <summary>
/// A 不满意原因 (reference data, seeded by the CallbackDesk migration): chosen by the callback staff when the citizen is
/// dissatisfied, kept on the order (<c>CallbackReasonCode</c>) and counted per unit.
/// </summary>
public sealed class CallbackReason
{
    public const int MaxCodeLength = 32;

    private CallbackReason()
    {
    }

    public CallbackReason(string code, string name, int sortOrder)
    {
        Code = code;
        Name = name;
        SortOrder = sortOrder;
    }

    public string Code { get; private set; } = null!;

    public string Name { get; private set; } = null!;

    public int SortOrder { get; private set; }
}
