using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using MediatR;
using static Hotline.Core.Features.Citizens.Open311Fields;

namespace Hotline.Core.Features.Citizens.GetOpen311Request;

/// <summary>One Open311 request by its number (404 unless it is one that Open311 publishes).</summary>
public sealed record GetOpen311Request(string? ServiceRequestId) : IRequest<Open311RequestView>;

public sealed class GetOpen311RequestHandler(HotlineDbContext db, ReferenceDataCache reference) : IRequestHandler<GetOpen311Request, Open311RequestView>
{
    public async Task<Open311RequestView> Handle(GetOpen311Request request, CancellationToken cancellationToken)
    {
        var id = Clean(request.ServiceRequestId);
        var found = id is null ? [] : await Open311RequestReader.ReadAsync(db, reference, Open311RequestReader.Public(db).Where(t => t.Number == id), cancellationToken);
        return found.Count == 1 ? found[0] : throw new NotFoundException("service_request_id", id ?? string.Empty);
    }
}
