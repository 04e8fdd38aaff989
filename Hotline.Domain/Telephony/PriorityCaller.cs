using Hotline.Contracts.Telephony;
using Hotline.Domain.Common;

namespace Hotline.Domain.Telephony;

/// <summary>
/// A caller the hotline answers first (优先办): registered elderly or disabled citizens, or another group the centre
/// serves first. Keyed by the normalized phone (<see cref="PhoneNumbers.Normalize"/>), so +86 and national forms match.
/// Agents set and clear it; admins import it.
/// </summary>
public sealed class PriorityCaller
{
    public const int NoteMaxLength = 200;

    private PriorityCaller()
    {
    }

    public PriorityCaller(string phone, PriorityCallerKind kind, string? note, string setBy, DateTimeOffset now)
    {
        Phone = phone;
        Set(kind, note, setBy, now);
    }

    public string Phone { get; private set; } = null!;

    public PriorityCallerKind Kind { get; private set; }

    public string? Note { get; private set; }

    public string SetBy { get; private set; } = null!;

    public DateTimeOffset SetAt { get; private set; }

    /// <summary>Changes the entry; false when it already says this (an import run twice changes nothing).</summary>
    public bool Set(PriorityCallerKind kind, string? note, string setBy, DateTimeOffset now)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > NoteMaxLength })
        {
            throw new DomainException($"备注不能超过 {NoteMaxLength} 个字。");
        }

        if (SetBy is not null && Kind == kind && Note == note)
        {
            return false;
        }

        Kind = kind;
        Note = note;
        SetBy = setBy;
        SetAt = now;
        return true;
    }

    /// <summary>The queue's reason for the kind (<see cref="Call.PriorityReason"/>).</summary>
    public string Reason => Kind switch
    {
        PriorityCallerKind.Elderly => CallPriority.Elderly,
        PriorityCallerKind.Disabled => CallPriority.Disabled,
        _ => CallPriority.Registered,
    };
}
