using System.Collections.Frozen;
using System.Text;
using Hotline.Domain.Tickets;

namespace Hotline.Core.Features.Webhooks;

/// <summary>The CloudEvents types: one per domain event of an order, <c>cn.hotline.ticket.</c> and the event's name in kebab case.</summary>
public static class WebhookEventTypes
{
    public const string Prefix = "cn.hotline.ticket.";

    private static readonly FrozenDictionary<string, string> ByEventName = typeof(TicketEvent).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.IsAssignableTo(typeof(TicketEvent)))
        .ToFrozenDictionary(t => t.Name, t => Prefix + Kebab(t.Name.StartsWith("Ticket", StringComparison.Ordinal) ? t.Name["Ticket".Length..] : t.Name), StringComparer.Ordinal);

    public static IReadOnlyCollection<string> All { get; } = ByEventName.Values.Order(StringComparer.Ordinal).ToArray();

    public static bool IsKnown(string type) => ByEventName.Values.Contains(type, StringComparer.Ordinal);

    /// <summary>The type of a domain event's class name, e.g. TicketDispatched → cn.hotline.ticket.dispatched; null for an event of no order.</summary>
    public static string? Of(string eventName) => ByEventName.GetValueOrDefault(eventName);

    private static string Kebab(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
