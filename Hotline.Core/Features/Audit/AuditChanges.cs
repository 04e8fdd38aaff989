using System.Text.Encodings.Web;
using System.Text.Json;
using Hotline.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Hotline.Core.Features.Audit;

/// <summary>
/// What a save writes, as the JSON an audit entry keeps: per record its kind, key and state and, for a change, the old
/// and new value of each changed property. Secrets (password hashes, key hashes) appear only as 已更改; long texts are
/// cut; a save of many records (a calendar year) lists the first <see cref="MaxRecords"/> and counts the rest.
/// </summary>
public static class AuditChanges
{
    public const int MaxRecords = 40;

    private const int MaxValueLength = 200;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The change log, KPI rows, counters and the audit trail itself are bookkeeping of other records, not records a person changed.</summary>
    private static readonly HashSet<Type> Bookkeeping =
    [
        typeof(AuditEntry), typeof(AuditChainHead), typeof(TicketChange), typeof(DailySequence),
        typeof(Features.Users.SignIn.SignInFailure), typeof(Features.Kpis.Counts.KpiCount), typeof(Features.Webhooks.WebhookDelivery), typeof(Features.Exchange.PeerMessage),
    ];

    public static IReadOnlyList<EntityEntry> Written(ChangeTracker tracker) =>
        tracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !Bookkeeping.Contains(e.Entity.GetType()))
            .ToList();

    /// <summary>The JSON of <paramref name="written"/>, or null when nothing is written; the first record's key as <paramref name="firstKey"/>.</summary>
    public static string? Describe(IReadOnlyList<EntityEntry> written, out string? firstKey)
    {
        firstKey = written.Count > 0 ? KeyOf(written[0]) : null;
        if (written.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("records");
            foreach (var entry in written.Take(MaxRecords))
            {
                WriteRecord(json, entry);
            }

            json.WriteEndArray();
            if (written.Count > MaxRecords)
            {
                json.WriteNumber("more", written.Count - MaxRecords);
            }

            json.WriteEndObject();
        }

        var text = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        return text.Length <= AuditEntry.MaxChangesLength ? text : text[..(AuditEntry.MaxChangesLength - 1)] + "…";
    }

    private static void WriteRecord(Utf8JsonWriter json, EntityEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("type", entry.Metadata.ClrType.Name);
        json.WriteString("key", KeyOf(entry));
        json.WriteString("state", entry.State.ToString());
        json.WriteStartObject("values");
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsPrimaryKey() || property.Metadata.IsShadowProperty() && property.Metadata.IsForeignKey())
            {
                continue;
            }

            var secret = IsSecret(property.Metadata.Name);
            switch (entry.State)
            {
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    json.WriteStartArray(property.Metadata.Name);
                    WriteValue(json, secret ? null : property.OriginalValue, secret);
                    WriteValue(json, secret ? null : property.CurrentValue, secret);
                    json.WriteEndArray();
                    break;
                case EntityState.Added:
                    json.WritePropertyName(property.Metadata.Name);
                    WriteValue(json, property.CurrentValue, secret);
                    break;
                case EntityState.Deleted:
                    json.WritePropertyName(property.Metadata.Name);
                    WriteValue(json, property.OriginalValue, secret);
                    break;
            }
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, object? value, bool secret)
    {
        if (secret)
        {
            json.WriteStringValue("（已更改）");
            return;
        }

        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int or long or short or byte or decimal or double or float:
                json.WriteRawValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);
                break;
            case DateTimeOffset at:
                json.WriteStringValue(at.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                break;
            case System.Collections.IEnumerable items and not string:
                json.WriteStringValue(Clip(string.Join(",", items.Cast<object?>())));
                break;
            default:
                json.WriteStringValue(Clip(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
                break;
        }
    }

    private static bool IsSecret(string name) =>
        name.Contains("Password", StringComparison.OrdinalIgnoreCase) || name.Contains("Hash", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Secret", StringComparison.OrdinalIgnoreCase) || name.Contains("Salt", StringComparison.OrdinalIgnoreCase);

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()?.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)) ?? []);

    private static string Clip(string value) => value.Length <= MaxValueLength ? value : value[..MaxValueLength] + "…";
}
