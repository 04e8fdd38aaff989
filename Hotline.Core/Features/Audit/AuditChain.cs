using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hotline.Core.Data;

namespace Hotline.Core.Features.Audit;

/// <summary>
/// The hash chain over the audit trail: each sealed entry's hash is SHA-256 over the previous entry's hash and every
/// field of the entry, each field length-prefixed so no two different entries read the same. Editing a field, removing
/// an entry or reordering them breaks the chain from that entry on; <c>VerifyAuditChain</c> finds the first break.
/// </summary>
public static class AuditChain
{
    public static string HashOf(string previousHash, AuditEntry entry)
    {
        var text = new StringBuilder(256 + (entry.Changes?.Length ?? 0));
        Field(text, previousHash);
        Field(text, entry.Id.ToString(CultureInfo.InvariantCulture));
        Field(text, entry.ChainIndex?.ToString(CultureInfo.InvariantCulture));
        Field(text, entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Field(text, entry.ActorUserId?.ToString("N"));
        Field(text, entry.ActorName);
        Field(text, entry.Address);
        Field(text, entry.Action);
        Field(text, entry.TargetType);
        Field(text, entry.TargetId);
        Field(text, entry.TicketId?.ToString("N"));
        Field(text, entry.Summary);
        Field(text, entry.Changes);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void Field(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("-;");
            return;
        }

        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
    }
}
