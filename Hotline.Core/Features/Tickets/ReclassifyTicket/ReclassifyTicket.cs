using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using MediatR;

namespace Hotline.Core.Features.Tickets.ReclassifyTicket;

/// <summary>修改分类/紧急程度: an agent corrects a Registered order's category, urgency and type before dispatching it.</summary>
public sealed record ReclassifyTicket(Guid TicketId, string? CategoryCode, Urgency? Urgency, TicketType? Type, int? Version) : IRequest<TicketDto>;

/// <summary>The same rules as registration: a known leaf category, a defined urgency and type.</summary>
public sealed class ReclassifyTicketValidator : AbstractValidator<ReclassifyTicket>
{
    public ReclassifyTicketValidator(ReferenceDataCache reference)
    {
        RuleFor(x => x.Type).NotNull().IsInEnum().OverridePropertyName("type");
        RuleFor(x => x.Urgency).NotNull().IsInEnum().OverridePropertyName("urgency");
        RuleFor(x => x.CategoryCode).NotEmpty().OverridePropertyName("categoryCode")
            .MustAsync(async (code, ct) => (await reference.GetAsync(ct)).IsLeafCategory(code!.Trim()))
            .When(x => !string.IsNullOrWhiteSpace(x.CategoryCode), ApplyConditionTo.CurrentValidator)
            .WithMessage("请选择二级分类目录中存在的分类 (unknown or non-leaf category code).");
    }
}

public sealed class ReclassifyTicketHandler(HotlineDbContext db, ICurrentUser currentUser, ReferenceDataCache reference, TimeProvider time)
    : IRequestHandler<ReclassifyTicket, TicketDto>
{
    public async Task<TicketDto> Handle(ReclassifyTicket request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var snapshot = await reference.GetAsync(cancellationToken);
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        ticket.Reclassify(request.Type!.Value, request.CategoryCode!.Trim(), request.Urgency!.Value,
            code => snapshot.CategoriesByCode.TryGetValue(code, out var category) ? category.Name : code, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
