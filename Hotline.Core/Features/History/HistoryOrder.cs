using Hotline.Contracts;
using Hotline.Contracts.Intelligence;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;

namespace Hotline.Core.Features.History;

/// <summary>A history line checked against the reference data: every code known, the dates in order, the text within bounds.</summary>
public sealed record HistoryOrder(
    string ExternalId,
    string Content,
    string CategoryCode,
    string DistrictCode,
    string? StreetCode,
    Guid? LeadUnitId,
    TicketType Type,
    Channel Channel,
    DateTimeOffset CreatedAt,
    DateTimeOffset ClosedAt,
    string? Answer)
{
    public Ticket ToTicket(string number, Actor actor, DateTimeOffset now) => Ticket.Import(
        Guid.NewGuid(), number, ExternalId, Channel, Type, CategoryCode, new TicketLocation(DistrictCode, StreetCode, null, null, null),
        Content, LeadUnitId, Answer, CreatedAt, ClosedAt, actor, now);

    /// <summary>The order, or what is wrong with the line in words for the person importing.</summary>
    public static (HistoryOrder? Order, string? Problem) Read(HistoryOrderLine line, ReferenceSnapshot reference, IReadOnlyDictionary<string, Guid> units, DateTimeOffset now)
    {
        if (NulCharacters.Find(line) is [var nul, ..])
        {
            return (null, $"{nul.PropertyName} {NulCharacters.Message}");
        }

        var externalId = line.ExternalId?.Trim();
        if (string.IsNullOrEmpty(externalId) || externalId.Length > Ticket.MaxExternalIdLength)
        {
            return (null, $"externalId 必填，且不超过 {Ticket.MaxExternalIdLength} 字。");
        }

        var content = line.Content?.Trim();
        if (string.IsNullOrEmpty(content) || content.Length > Ticket.MaxContentLength)
        {
            return (null, $"content 必填，且不超过 {Ticket.MaxContentLength} 字。");
        }

        var answer = string.IsNullOrWhiteSpace(line.Answer) ? null : line.Answer.Trim();
        if (answer is { Length: > Ticket.MaxContentLength })
        {
            return (null, $"answer 不超过 {Ticket.MaxContentLength} 字。");
        }

        var category = line.CategoryCode?.Trim();
        if (string.IsNullOrEmpty(category) || !reference.CategoriesByCode.ContainsKey(category))
        {
            return (null, $"categoryCode「{category}」不在诉求类别目录中（可用一级或二级类别代码）。");
        }

        var district = line.DistrictCode?.Trim();
        if (!string.IsNullOrEmpty(district) && !reference.DistrictsByCode.ContainsKey(district))
        {
            return (null, $"districtCode「{district}」不是已知的区县。");
        }

        var street = line.StreetCode?.Trim();
        if (!string.IsNullOrEmpty(street) && (!reference.StreetsByCode.TryGetValue(street, out var known) || (!string.IsNullOrEmpty(district) && known.DistrictCode != district)))
        {
            return (null, $"streetCode「{street}」不是已知的街道，或不属于 districtCode 所指区县。");
        }

        if (!string.IsNullOrEmpty(street) && string.IsNullOrEmpty(district))
        {
            district = reference.StreetsByCode[street].DistrictCode;
        }

        Guid? lead = null;
        var unitCode = line.LeadUnitCode?.Trim();
        if (!string.IsNullOrEmpty(unitCode))
        {
            if (!units.TryGetValue(unitCode, out var unitId))
            {
                return (null, $"leadUnitCode「{unitCode}」不是已知的承办单位。");
            }

            lead = unitId;
        }

        if (!TryName<TicketType>(line.Type, TicketType.Complaint, out var type))
        {
            return (null, $"type「{line.Type}」须为 {string.Join(", ", Enum.GetNames<TicketType>())} 之一。");
        }

        if (!TryName<Channel>(line.Channel, Channel.Phone, out var channel))
        {
            return (null, $"channel「{line.Channel}」须为 {string.Join(", ", Enum.GetNames<Channel>())} 之一。");
        }

        var createdAt = line.CreatedAt ?? line.ClosedAt ?? now;
        var closedAt = line.ClosedAt ?? createdAt;
        if (closedAt < createdAt)
        {
            return (null, "closedAt 不能早于 createdAt。");
        }

        if (closedAt > now)
        {
            return (null, "createdAt 和 closedAt 不能晚于现在：历史工单都已办结。");
        }

        return (new HistoryOrder(externalId, content, category, district ?? string.Empty, string.IsNullOrEmpty(street) ? null : street, lead, type, channel,
            createdAt.ToUniversalTime(), closedAt.ToUniversalTime(), answer), null);
    }

    /// <summary>An enum by its name (any case), never by number; empty means the default.</summary>
    private static bool TryName<T>(string? text, T fallback, out T value)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = fallback;
            return true;
        }

        return Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);
    }
}
