using Hotline.Core.Features.Reference;
using MediatR;

namespace Hotline.Core.Features.Citizens.GetOpen311Services;

public sealed record GetOpen311Services : IRequest<IReadOnlyList<Open311Service>>;

public sealed class GetOpen311ServicesHandler(ReferenceDataCache reference) : IRequestHandler<GetOpen311Services, IReadOnlyList<Open311Service>>
{
    public async Task<IReadOnlyList<Open311Service>> Handle(GetOpen311Services request, CancellationToken cancellationToken) =>
        Open311Catalogue.Services(await reference.GetAsync(cancellationToken));
}
