using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Tickets.GetDispatchSuggestion;

/// <summary>What the dispatch catalogue suggests for an order; the agent may override it.</summary>
public sealed record GetDispatchSuggestion(Guid TicketId) : IRequest<DispatchSuggestionDto>;

public sealed class GetDispatchSuggestionHandler(HotlineDbContext db, ICurrentUser currentUser, ReferenceDataCache reference)
    : IRequestHandler<GetDispatchSuggestion, DispatchSuggestionDto>
{
    public async Task<DispatchSuggestionDto> Handle(GetDispatchSuggestion request, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.AsNoTracking()
            .VisibleTo(currentUser.Actor)
            .Where(t => t.Id == request.TicketId)
            .Select(t => new { t.CategoryCode, t.Location.DistrictCode, t.Location.StreetCode })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("工单", request.TicketId);

        return Suggest(await reference.GetAsync(cancellationToken), ticket.CategoryCode, ticket.DistrictCode, ticket.StreetCode);
    }

    /// <summary>The catalogue's answer for a category at a place, as the agents see it (also the admin's 派单测试).</summary>
    public static DispatchSuggestionDto Suggest(ReferenceSnapshot snapshot, string categoryCode, string? districtCode, string? streetCode)
    {
        var suggestion = snapshot.Catalogue.Suggest(categoryCode, districtCode, streetCode);
        return suggestion is null
            ? new DispatchSuggestionDto(null, null, "派单目录无匹配且未指明区县，请人工指定承办单位。")
            : new DispatchSuggestionDto(suggestion.UnitId, suggestion.RuleId, suggestion.Reason);
    }
}
