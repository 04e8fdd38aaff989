using FluentValidation;
using Hotline.Contracts.Kpis;
using MediatR;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Kpis.GetVolumes;

/// <summary><c>GET /api/kpis/volumes</c>: orders registered per bucket of a period by channel, type, category or district, see <see cref="VolumeCalculator"/>.</summary>
public sealed record GetVolumes(DateOnly? From, DateOnly? To, VolumeInterval Interval = VolumeInterval.Day, VolumeDimension Dimension = VolumeDimension.Channel)
    : IRequest<VolumeReportDto>, IPeriodRequest;

public sealed class GetVolumesValidator : AbstractValidator<GetVolumes>
{
    public GetVolumesValidator(IOptions<KpiOptions> options)
    {
        this.AddPeriodRules(options.Value);
        RuleFor(r => r.Interval).IsInEnum();
        RuleFor(r => r.Dimension).IsInEnum();
    }
}

public sealed class GetVolumesHandler(VolumeCalculator volumes, TimeProvider time) : IRequestHandler<GetVolumes, VolumeReportDto>
{
    public Task<VolumeReportDto> Handle(GetVolumes request, CancellationToken cancellationToken) =>
        volumes.ComputeAsync(KpiPeriod.Resolve(request.From, request.To, time), request.Interval, request.Dimension, cancellationToken);
}
