using FluentValidation;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using Hotline.Domain.Tickets;
using MediatR;

namespace Hotline.Core.Features.Tickets.SplitTicket;

/// <summary>拆单: a Registered order holding several demands becomes one new order per demand; the original closes as Split.</summary>
public sealed record SplitTicket(Guid TicketId, IReadOnlyList<SplitPartRequest>? Parts, int? Version) : IRequest<TicketDto>;

/// <summary>The shape of each part (a known leaf category, content within bounds); how many parts there are is the order's rule (409).</summary>
public sealed class SplitTicketValidator : AbstractValidator<SplitTicket>
{
    public SplitTicketValidator(ReferenceDataCache reference)
    {
        RuleFor(x => x.Parts).NotNull().OverridePropertyName("parts");
        RuleForEach(x => x.Parts).SetValidator(new SplitPartValidator(reference)).OverridePropertyName("parts")
            .When(x => x.Parts is { Count: <= Ticket.MaxSplitParts });
    }
}

public sealed class SplitPartValidator : AbstractValidator<SplitPartRequest>
{
    public SplitPartValidator(ReferenceDataCache reference)
    {
        RuleFor(p => p.Content).NotEmpty().MaximumLength(Ticket.MaxContentLength).OverridePropertyName("content");
        RuleFor(p => p.Urgency).IsInEnum().OverridePropertyName("urgency");
        RuleFor(p => p.CategoryCode).NotEmpty().OverridePropertyName("categoryCode")
            .MustAsync(async (code, ct) => (await reference.GetAsync(ct)).IsLeafCategory(code!.Trim()))
            .When(p => !string.IsNullOrWhiteSpace(p.CategoryCode), ApplyConditionTo.CurrentValidator)
            .WithMessage("请选择二级分类目录中存在的分类 (unknown or non-leaf category code).");
    }
}

public sealed class SplitTicketHandler(HotlineDbContext db, TicketNumberAllocator numbers, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<SplitTicket, TicketDto>
{
    public async Task<TicketDto> Handle(SplitTicket request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        var requested = request.Parts!;

        // Refused before any number is reserved; the numbers are reserved before the one transaction that writes everything.
        ticket.EnsureSplittable(requested.Count);
        var parts = new List<SplitPart>(requested.Count);
        foreach (var p in requested)
        {
            parts.Add(new SplitPart(Guid.NewGuid(), await numbers.NextAsync(db, now, cancellationToken), p.Content!.Trim(), p.CategoryCode!.Trim(), p.Urgency ?? ticket.Urgency));
        }

        db.Tickets.AddRange(ticket.Split(parts, actor, now));

        // One SaveChanges is one transaction: the original closed, every part, their timelines, change log and counts.
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
