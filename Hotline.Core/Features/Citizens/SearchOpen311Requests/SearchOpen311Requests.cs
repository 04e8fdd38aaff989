using FluentValidation;
using Hotline.Contracts;
using Hotline.Core.Data;
using Hotline.Core.Features.Reference;
using MediatR;
using static Hotline.Core.Features.Citizens.Open311Fields;

namespace Hotline.Core.Features.Citizens.SearchOpen311Requests;

/// <summary>
/// GET requests: the orders Open311 publishes (<see cref="Open311RequestReader"/>). <c>service_request_id</c> (a
/// comma list of order numbers) overrides the other filters; otherwise the window is <c>start_date</c>..<c>end_date</c>
/// (at most 90 days, the last 90 days by default), newest first, at most 1000 requests.
/// </summary>
public sealed record SearchOpen311Requests(string? ServiceRequestIds, string? ServiceCode, string? StartDate, string? EndDate, string? Status)
    : IRequest<IReadOnlyList<Open311RequestView>>
{
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(90);

    /// <summary>The statuses asked for (<c>open</c>, <c>closed</c>); null when none or any other word is sent.</summary>
    internal HashSet<string>? Statuses =>
        Clean(Status)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()).ToHashSet() is { Count: > 0 } statuses
        && statuses.All(s => s is "open" or "closed")
            ? statuses
            : null;
}

/// <summary>The filters are checked only when they apply, i.e. without <c>service_request_id</c>.</summary>
public sealed class SearchOpen311RequestsValidator : AbstractValidator<SearchOpen311Requests>
{
    public SearchOpen311RequestsValidator() => When(x => Clean(x.ServiceRequestIds) is null, () =>
    {
        RuleFor(x => x.StartDate).Custom((date, context) => Refuse(context, "start_date", Open311Dates.Problem(date, "start_date")));
        RuleFor(x => x.EndDate).Custom((date, context) => Refuse(context, "end_date", Open311Dates.Problem(date, "end_date")));
        RuleFor(x => x.Status).Must((x, _) => x.Statuses is not null).When(x => Clean(x.Status) is not null)
            .OverridePropertyName("status").WithMessage("status must be open or closed.");
        When(x => Open311Dates.Parse(x.StartDate) is not null && Open311Dates.Parse(x.EndDate) is not null, () =>
        {
            RuleFor(x => x.StartDate).Must((x, _) => Open311Dates.Parse(x.StartDate) <= Open311Dates.Parse(x.EndDate))
                .OverridePropertyName("start_date").WithMessage("start_date must not be after end_date.");
            RuleFor(x => x.EndDate).Must((x, _) => Open311Dates.Parse(x.EndDate) - Open311Dates.Parse(x.StartDate) <= SearchOpen311Requests.MaxWindow)
                .OverridePropertyName("end_date").WithMessage("The date range may span at most 90 days.");
        });
    });

    private static void Refuse(ValidationContext<SearchOpen311Requests> context, string field, string? problem)
    {
        if (problem is not null)
        {
            context.AddFailure(field, problem);
        }
    }
}

public sealed class SearchOpen311RequestsHandler(HotlineDbContext db, ReferenceDataCache reference, TimeProvider time)
    : IRequestHandler<SearchOpen311Requests, IReadOnlyList<Open311RequestView>>
{
    public async Task<IReadOnlyList<Open311RequestView>> Handle(SearchOpen311Requests request, CancellationToken cancellationToken)
    {
        var query = Open311RequestReader.Public(db);
        if (Clean(request.ServiceRequestIds) is { } ids)
        {
            var numbers = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(Open311RequestReader.MaxResults).ToList();
            return await Open311RequestReader.ReadAsync(db, reference, query.Where(t => numbers.Contains(t.Number)), cancellationToken);
        }

        var (start, end) = (Open311Dates.Parse(request.StartDate), Open311Dates.Parse(request.EndDate));
        var to = (end ?? (start is { } s ? s + SearchOpen311Requests.MaxWindow : time.GetUtcNow())).ToUniversalTime();
        var from = (start ?? to - SearchOpen311Requests.MaxWindow).ToUniversalTime();
        query = query.Where(t => t.CreatedAt >= from && t.CreatedAt <= to);
        if (Clean(request.ServiceCode) is { } serviceCode)
        {
            query = query.Where(t => t.CategoryCode == serviceCode);
        }

        if (request.Statuses is { Count: 1 } wanted)
        {
            query = wanted.Contains("closed") ? query.Where(t => t.Status == TicketStatus.Closed) : query.Where(t => t.Status != TicketStatus.Closed);
        }

        return await Open311RequestReader.ReadAsync(db, reference, query, cancellationToken);
    }
}
