using Hotline.Contracts;
using Hotline.Contracts.Citizens;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Citizens.TrackSubmission;

/// <summary>查询办理进度: the progress of a submission by its tracking code, with no personal data.</summary>
public sealed record TrackSubmission(string? TrackingCode) : IRequest<PublicSubmissionStatus>;

public sealed class TrackSubmissionHandler(HotlineDbContext db, ReferenceDataCache reference) : IRequestHandler<TrackSubmission, PublicSubmissionStatus>
{
    public async Task<PublicSubmissionStatus> Handle(TrackSubmission request, CancellationToken cancellationToken)
    {
        var code = Domain.Citizens.CitizenSubmission.NormalizeTrackingCode(request.TrackingCode);
        var ticket = code.Length == Domain.Citizens.CitizenSubmission.TrackingCodeLength
            ? await db.CitizenSubmissions.AsNoTracking()
                .Where(s => s.TrackingCode == code)
                .Join(db.Tickets.AsNoTracking(), s => s.TicketId, t => t.Id, (s, t) => t)
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        if (ticket is null)
        {
            throw new NotFoundException("查询码", request.TrackingCode ?? string.Empty);
        }

        var snapshot = await reference.GetAsync(cancellationToken);
        return new PublicSubmissionStatus(
            ticket.Number,
            ticket.Status,
            PublicProgress.StatusText(ticket.Status),
            ticket.Channel,
            snapshot.CategoriesByCode.TryGetValue(ticket.CategoryCode, out var category) ? category.Name : ticket.CategoryCode,
            snapshot.DistrictsByCode.TryGetValue(ticket.Location.DistrictCode, out var district) ? district.Name : ticket.Location.DistrictCode,
            PublicProgress.HandlingUnitName(ticket, snapshot),
            ticket.CreatedAt,
            ticket.UpdatedAt,
            ticket.ClosedAt,
            PublicProgress.Answer(ticket));
    }
}
