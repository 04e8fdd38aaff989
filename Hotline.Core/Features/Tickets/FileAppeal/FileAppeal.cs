using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using Hotline.Domain.Tickets;
using MediatR;

namespace Hotline.Core.Features.Tickets.FileAppeal;

/// <summary>申诉 by the lead unit of a callback verdict or an overdue verdict, within the appeal window (docs/architecture.md).</summary>
public sealed record FileAppeal(Guid TicketId, AppealKind? Kind, string? Reason, int? Version) : IRequest<TicketDto>;

public sealed class FileAppealValidator : AbstractValidator<FileAppeal>
{
    public FileAppealValidator()
    {
        RuleFor(x => x.Kind).NotNull().IsInEnum().OverridePropertyName("kind");
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(TicketAppeal.MaxReasonLength).OverridePropertyName("reason");
    }
}

public sealed class FileAppealHandler(HotlineDbContext db, ICurrentUser currentUser, ReferenceDataCache reference, TimeProvider time) : IRequestHandler<FileAppeal, TicketDto>
{
    public async Task<TicketDto> Handle(FileAppeal request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        var (lastOverdueAlertAt, window, calendar) = await AppealInputs.LoadAsync(db, reference, ticket, cancellationToken);
        ticket.FileAppeal(Guid.CreateVersion7(), request.Kind!.Value, request.Reason!.Trim(), lastOverdueAlertAt, window, calendar, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
