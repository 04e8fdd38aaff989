using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using MediatR;

namespace Hotline.Core.Features.Citizens.GetOpen311ServiceDefinition;

public sealed record GetOpen311ServiceDefinition(string? ServiceCode) : IRequest<Open311ServiceDefinition>;

public sealed class GetOpen311ServiceDefinitionHandler(ReferenceDataCache reference) : IRequestHandler<GetOpen311ServiceDefinition, Open311ServiceDefinition>
{
    public async Task<Open311ServiceDefinition> Handle(GetOpen311ServiceDefinition request, CancellationToken cancellationToken) =>
        Open311Catalogue.Definition(await reference.GetAsync(cancellationToken), request.ServiceCode)
            ?? throw new NotFoundException("service_code", request.ServiceCode ?? string.Empty);
}
