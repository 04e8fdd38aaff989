using System.Globalization;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Hotline.Contracts;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Citizens.SearchOpen311Requests;

/// <summary>
/// GET requests: orders that came in through Open311, whose clients publish what their users report; never
/// web-form or phone orders (their citizens did not ask for publication) and never reports (举报).
/// <c>service_request_id</c> (a comma list of order numbers) overrides the other filters; otherwise
/// the window is <c>start_date</c>..<c>end_date</c> (at most 90 days, the last 90 days by default), newest
/// first, at most 1000 requests.
/// </summary>
public sealed record SearchOpen311Requests(string? ServiceRequestIds, string? ServiceCode, string? StartDate, string? EndDate, string? Status)
    : IRequest<IReadOnlyList<Open311RequestView>>;

public sealed record GetOpen311Request(string? ServiceRequestId) : IRequest<Open311RequestView>;

public sealed class SearchOpen311RequestsHandler(HotlineDbContext db, ReferenceDataCache reference, TimeProvider time)
    : IRequestHandler<SearchOpen311Requests, IReadOnlyList<Open311RequestView>>, IRequestHandler<GetOpen311Request, Open311RequestView>
{
    public const int MaxResults = 1000;
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(90);

    /// <summary>Dates outside these bounds are refused (400): no order is that old or that new, and window arithmetic stays in range.</summary>
    public static readonly DateTimeOffset EarliestDate = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset LatestDate = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>ISO 8601 with a mandatory offset (Z or ±hh:mm), seconds and fractions optional.</summary>
    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mmzzz",
    ];

    private static readonly string[] UtcFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm'Z'",
    ];

    public async Task<IReadOnlyList<Open311RequestView>> Handle(SearchOpen311Requests request, CancellationToken cancellationToken)
    {
        var query = Public();
        if (Clean(request.ServiceRequestIds) is { } ids)
        {
            var numbers = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(MaxResults).ToList();
            return await ReadAsync(query.Where(t => numbers.Contains(t.Number)), cancellationToken);
        }

        var errors = new List<ValidationFailure>();
        var start = ParseDate(request.StartDate, "start_date", errors);
        var end = ParseDate(request.EndDate, "end_date", errors);
        var statuses = ParseStatus(request.Status, errors);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var to = end ?? (start is { } s ? s + MaxWindow : time.GetUtcNow());
        var from = start ?? to - MaxWindow;
        if (from > to)
        {
            throw new ValidationException([new ValidationFailure("start_date", "start_date must not be after end_date.")]);
        }

        if (to - from > MaxWindow)
        {
            throw new ValidationException([new ValidationFailure("end_date", "The date range may span at most 90 days.")]);
        }

        from = from.ToUniversalTime();
        to = to.ToUniversalTime();
        query = query.Where(t => t.CreatedAt >= from && t.CreatedAt <= to);
        if (Clean(request.ServiceCode) is { } serviceCode)
        {
            query = query.Where(t => t.CategoryCode == serviceCode);
        }

        if (statuses is { } wanted && wanted.Count == 1)
        {
            query = wanted.Contains("closed") ? query.Where(t => t.Status == TicketStatus.Closed) : query.Where(t => t.Status != TicketStatus.Closed);
        }

        return await ReadAsync(query, cancellationToken);
    }

    public async Task<Open311RequestView> Handle(GetOpen311Request request, CancellationToken cancellationToken)
    {
        var id = Clean(request.ServiceRequestId);
        var found = id is null ? [] : await ReadAsync(Public().Where(t => t.Number == id), cancellationToken);
        return found.Count == 1 ? found[0] : throw new NotFoundException("service_request_id", id ?? string.Empty);
    }

    private IQueryable<Ticket> Public() => db.Tickets.AsNoTracking()
        .Where(t => t.Channel == Channel.Open311 && t.Type != TicketType.Report);

    private async Task<IReadOnlyList<Open311RequestView>> ReadAsync(IQueryable<Ticket> query, CancellationToken ct)
    {
        var tickets = await query.OrderByDescending(t => t.CreatedAt).Take(MaxResults).ToListAsync(ct);
        var ids = tickets.Select(t => t.Id).ToList();
        var media = (await db.CitizenSubmissions.AsNoTracking()
                .Where(s => ids.Contains(s.TicketId) && s.Attributes != null)
                .Select(s => new { s.TicketId, s.Attributes })
                .ToListAsync(ct))
            .ToDictionary(s => s.TicketId, s => MediaUrl(s.Attributes));
        var snapshot = await reference.GetAsync(ct);
        return tickets.Select(t => ToView(t, snapshot, media.GetValueOrDefault(t.Id))).ToList();
    }

    /// <summary>
    /// Progress and place; the citizen's name, phone and the client's e-mail, device and account ids never. The
    /// status note is a fixed text by status, never the agent's or unit's free-text answer (it often names the
    /// citizen); only the tracking page, for the holder of the code, shows the answer.
    /// </summary>
    private static Open311RequestView ToView(Ticket t, ReferenceSnapshot snapshot, string? mediaUrl) =>
        new(
            t.Number,
            t.Status == TicketStatus.Closed ? "closed" : "open",
            PublicProgress.Open311Note(t.Status),
            snapshot.CategoriesByCode.TryGetValue(t.CategoryCode, out var category) ? category.Name : t.CategoryCode,
            t.CategoryCode,
            t.Content,
            PublicProgress.HandlingUnitName(t, snapshot),
            PublicProgress.StatusText(t.Status),
            t.CreatedAt,
            t.UpdatedAt,
            t.IsOpen ? t.Clocks.ReplyDueAt : null,
            t.Location.Address,
            null,
            null,
            t.Location.Latitude,
            t.Location.Longitude,
            mediaUrl);

    private static string? MediaUrl(string? attributes)
    {
        if (attributes is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(attributes);
        return document.RootElement.TryGetProperty("media_url", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString() : null;
    }

    private static DateTimeOffset? ParseDate(string? value, string field, List<ValidationFailure> errors)
    {
        if (Clean(value) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateTimeOffset.TryParseExact(text, UtcFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
        {
            if (date >= EarliestDate && date <= LatestDate)
            {
                return date;
            }

            errors.Add(new ValidationFailure(field, $"{field} must lie between 1970 and 9000."));
            return null;
        }

        errors.Add(new ValidationFailure(field, $"{field} must be an ISO 8601 date-time with an offset, e.g. 2026-11-01T00:00:00+08:00."));
        return null;
    }

    private static HashSet<string>? ParseStatus(string? value, List<ValidationFailure> errors)
    {
        if (Clean(value) is not { } text)
        {
            return null;
        }

        var statuses = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()).ToHashSet();
        if (statuses.Count == 0 || statuses.Any(s => s is not ("open" or "closed")))
        {
            errors.Add(new ValidationFailure("status", "status must be open or closed."));
            return null;
        }

        return statuses;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
