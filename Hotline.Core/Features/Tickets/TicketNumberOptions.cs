using System.ComponentModel.DataAnnotations;

namespace Hotline.Core.Features.Tickets;

/// <summary>Section <c>Tickets</c>: how order numbers are handed out (ADR 0003).</summary>
public sealed class TicketNumberOptions
{
    public const string Section = "Tickets";

    /// <summary>
    /// Numbers each API node reserves from the day's counter at a time. 1 (the default) keeps numbers in
    /// registration order; a larger block saves one database write per registration on busy multi-node
    /// installations, at the price of numbers interleaving between nodes and the rest of a block being
    /// skipped when a node restarts.
    /// </summary>
    [Range(1, 1000)]
    public int NumberBlockSize { get; set; } = 1;
}
