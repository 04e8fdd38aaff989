using System.Security.Cryptography;
using Hotline.Contracts;

namespace Hotline.Domain.Citizens;

/// <summary>
/// How an order came in through a public channel (the web form or an Open311 client): the tracking code the
/// citizen holds, the client system, and the Open311 attributes as they were sent.
/// </summary>
public sealed class CitizenSubmission
{
    public const int TrackingCodeLength = 12;
    public const int MaxAttributesLength = 4000;

    /// <summary>No 0/O, 1/I/L: a code read out over the phone or typed from paper is not misread.</summary>
    private const string TrackingAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private CitizenSubmission()
    {
        TrackingCode = string.Empty;
        ClientName = string.Empty;
    }

    public CitizenSubmission(Guid id, Guid ticketId, string trackingCode, Channel channel, Guid? open311ClientId, string clientName, string? serviceCode, string? attributes, DateTimeOffset createdAt)
    {
        Id = id;
        TicketId = ticketId;
        TrackingCode = trackingCode;
        Channel = channel;
        Open311ClientId = open311ClientId;
        ClientName = clientName;
        ServiceCode = serviceCode;
        Attributes = attributes;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid TicketId { get; private set; }

    /// <summary>Random (about 59 bits), unrelated to the order number; unique.</summary>
    public string TrackingCode { get; private set; }

    public Channel Channel { get; private set; }

    public Guid? Open311ClientId { get; private set; }

    /// <summary>"web" for the public form, otherwise the Open311 client's name.</summary>
    public string ClientName { get; private set; }

    public string? ServiceCode { get; private set; }

    /// <summary>The Open311 <c>attribute[...]</c> values as JSON (code → value or values).</summary>
    public string? Attributes { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static string NewTrackingCode() => RandomNumberGenerator.GetString(TrackingAlphabet, TrackingCodeLength);

    /// <summary>Upper-cases and drops spaces and dashes, so "abcd-efgh 2345" finds ABCDEFGH2345.</summary>
    public static string NormalizeTrackingCode(string? code) =>
        new((code ?? string.Empty).Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant).ToArray());
}
