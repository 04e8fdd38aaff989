using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using MediatR;

namespace Hotline.Core.Features.Tickets.DispatchTicket;

/// <summary>派单. Without a lead unit the dispatch catalogue decides; a street office lead is copied to its district government.</summary>
public sealed record DispatchTicket(Guid TicketId, Guid? LeadUnitId, IReadOnlyList<Guid>? AssistingUnitIds, string? Note, int? Version) : IRequest<TicketDto>;

public sealed class DispatchTicketValidator : AbstractValidator<DispatchTicket>
{
    public DispatchTicketValidator(ReferenceDataCache reference)
    {
        RuleFor(x => x.Note).MaximumLength(Ticket.MaxNoteLength).OverridePropertyName("note");
        RuleFor(x => x.LeadUnitId)
            .MustAsync(async (id, ct) => (await reference.GetAsync(ct)).UnitsById.ContainsKey(id!.Value))
            .When(x => x.LeadUnitId is not null)
            .WithMessage("承办单位不存在。").OverridePropertyName("leadUnitId");
        // The hotline centre registers and supervises orders; it does not handle them.
        RuleFor(x => x.LeadUnitId)
            .MustAsync(async (id, ct) => !((await reference.GetAsync(ct)).UnitsById.TryGetValue(id!.Value, out var unit) && unit.Kind == UnitKind.Center))
            .When(x => x.LeadUnitId is not null)
            .WithMessage("不能派给热线中心本身，请选择承办单位。").OverridePropertyName("leadUnitId");
        RuleFor(x => x.AssistingUnitIds)
            .Must(ids => ids!.Count <= 20).WithMessage("协办单位最多 20 个。")
            .MustAsync(async (ids, ct) =>
            {
                var snapshot = await reference.GetAsync(ct);
                return ids!.All(snapshot.UnitsById.ContainsKey);
            })
            .When(x => x.AssistingUnitIds is not null)
            .WithMessage("协办单位不存在。").OverridePropertyName("assistingUnitIds");
    }
}

public sealed class DispatchTicketHandler(HotlineDbContext db, ICurrentUser currentUser, ReferenceDataCache reference, TimeProvider time)
    : IRequestHandler<DispatchTicket, TicketDto>
{
    public async Task<TicketDto> Handle(DispatchTicket request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var now = time.GetUtcNow();
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        var snapshot = await reference.GetAsync(cancellationToken);

        var note = request.Note;
        var leadUnitId = request.LeadUnitId;
        if (leadUnitId is null)
        {
            var suggestion = snapshot.Catalogue.Suggest(ticket.CategoryCode, ticket.Location.DistrictCode, ticket.Location.StreetCode)
                ?? throw new DomainException("派单目录无法确定承办单位，请选择承办单位。");
            leadUnitId = suggestion.UnitId;
            note = string.IsNullOrWhiteSpace(note) ? suggestion.Reason : $"{suggestion.Reason}；{note}";
        }

        ticket.Dispatch(leadUnitId.Value, request.AssistingUnitIds ?? [], snapshot.Catalogue.CopyTargetFor(leadUnitId.Value), snapshot, note, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
