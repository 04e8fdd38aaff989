using FluentValidation;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using MediatR;

namespace Hotline.Core.Features.Tickets.DecideReturn;

/// <summary>
/// The supervisor decides a return: approve and redispatch (to the unit named, or else to the catalogue's
/// choice among the other units: the next matching rule, then the district government), or reject and send it
/// back to the same unit.
/// </summary>
public sealed record DecideReturn(Guid TicketId, bool? Approve, Guid? RedispatchToUnitId, string? Note, int? Version) : IRequest<TicketDto>;

public sealed class DecideReturnValidator : AbstractValidator<DecideReturn>
{
    public DecideReturnValidator(ReferenceDataCache reference)
    {
        RuleFor(x => x.Approve).NotNull().OverridePropertyName("approve");
        RuleFor(x => x.Note).MaximumLength(Ticket.MaxNoteLength).OverridePropertyName("note");
        RuleFor(x => x.RedispatchToUnitId)
            .MustAsync(async (id, ct) => (await reference.GetAsync(ct)).UnitsById.ContainsKey(id!.Value))
            .When(x => x.RedispatchToUnitId is not null)
            .WithMessage("改派单位不存在。").OverridePropertyName("redispatchToUnitId");
    }
}

public sealed class DecideReturnHandler(HotlineDbContext db, ICurrentUser currentUser, ReferenceDataCache reference, TimeProvider time)
    : IRequestHandler<DecideReturn, TicketDto>
{
    public async Task<TicketDto> Handle(DecideReturn request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        if (request.Approve == true)
        {
            var snapshot = await reference.GetAsync(cancellationToken);
            // Without a unit named, the catalogue decides among the units other than the one that returned it.
            var target = request.RedispatchToUnitId
                ?? snapshot.Catalogue.Suggest(ticket.CategoryCode, ticket.Location.DistrictCode, ticket.Location.StreetCode, excludingUnitId: ticket.LeadUnitId)?.UnitId
                ?? throw new DomainException("派单目录中没有原承办单位以外的单位可以改派，请选择改派单位。");
            ticket.ApproveReturn(target, snapshot.Catalogue.CopyTargetFor(target), snapshot, request.Note, actor, now);
        }
        else
        {
            ticket.RejectReturn(request.Note, actor, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
