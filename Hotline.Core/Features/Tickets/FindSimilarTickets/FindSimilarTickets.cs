using FluentValidation;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using Hotline.Core.Features.Tickets.Similarity;
using Hotline.Domain.Tickets;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Tickets.FindSimilarTickets;

/// <summary>相似诉求 while registering: orders of the last <see cref="Days"/> days whose text says the same as <see cref="Content"/>.</summary>
public sealed record FindSimilarTickets(string? Content, string? DistrictCode, string? StreetCode, int? Days) : IRequest<SimilarTicketsResult>;

/// <summary>相似诉求 of an order: the same look-up with the order's own text and place, the order itself left out.</summary>
public sealed record FindTicketsSimilarTo(Guid TicketId, int? Days) : IRequest<SimilarTicketsResult>;

public sealed class FindSimilarTicketsValidator : AbstractValidator<FindSimilarTickets>
{
    public FindSimilarTicketsValidator(ReferenceDataCache reference, IOptions<SimilarityOptions> options)
    {
        RuleFor(x => x.Content).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("请输入诉求内容。")
            .MaximumLength(Ticket.MaxContentLength).WithMessage($"诉求内容不能超过 {Ticket.MaxContentLength} 字。").OverridePropertyName("content");
        RuleFor(x => x.Days).InclusiveBetween(1, options.Value.MaxDays).When(x => x.Days is not null)
            .WithMessage($"days 须在 1 到 {options.Value.MaxDays} 之间。").OverridePropertyName("days");
        RuleFor(x => x.DistrictCode)
            .MustAsync(async (code, ct) => (await reference.GetAsync(ct)).DistrictsByCode.ContainsKey(code!))
            .When(x => !string.IsNullOrEmpty(x.DistrictCode)).WithMessage("区县代码不存在。").OverridePropertyName("districtCode");
        RuleFor(x => x.StreetCode)
            .MustAsync(async (x, code, ct) => (await reference.GetAsync(ct)).StreetsByCode.TryGetValue(code!, out var street) && (x.DistrictCode is null || street.DistrictCode == x.DistrictCode))
            .When(x => !string.IsNullOrEmpty(x.StreetCode)).WithMessage("街道代码不存在或不属于所选区县。").OverridePropertyName("streetCode");
    }
}

public sealed class FindTicketsSimilarToValidator : AbstractValidator<FindTicketsSimilarTo>
{
    public FindTicketsSimilarToValidator(IOptions<SimilarityOptions> options) =>
        RuleFor(x => x.Days).InclusiveBetween(1, options.Value.MaxDays).When(x => x.Days is not null)
            .WithMessage($"days 须在 1 到 {options.Value.MaxDays} 之间。").OverridePropertyName("days");
}

public sealed class FindSimilarTicketsHandler(HotlineDbContext db, SimilarTicketReader reader, ReferenceDataCache reference, ICurrentUser currentUser)
    : IRequestHandler<FindSimilarTickets, SimilarTicketsResult>, IRequestHandler<FindTicketsSimilarTo, SimilarTicketsResult>
{
    public async Task<SimilarTicketsResult> Handle(FindSimilarTickets request, CancellationToken cancellationToken)
    {
        var district = string.IsNullOrEmpty(request.DistrictCode) ? null : request.DistrictCode;
        var street = string.IsNullOrEmpty(request.StreetCode) ? null : request.StreetCode;
        if (district is null && street is not null)
        {
            district = (await reference.GetAsync(cancellationToken)).StreetsByCode[street].DistrictCode;
        }

        return await reader.FindAsync(request.Content!, district, street, request.Days ?? SimilarTicketReader.DefaultDays, null, currentUser.Actor, cancellationToken);
    }

    public async Task<SimilarTicketsResult> Handle(FindTicketsSimilarTo request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var ticket = await db.Tickets.AsNoTracking().VisibleTo(actor).Where(t => t.Id == request.TicketId)
            .Select(t => new { t.Content, t.Location.DistrictCode, t.Location.StreetCode })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("工单", request.TicketId);
        return await reader.FindAsync(ticket.Content, ticket.DistrictCode, ticket.StreetCode, request.Days ?? SimilarTicketReader.DefaultDays, request.TicketId, actor, cancellationToken);
    }
}
