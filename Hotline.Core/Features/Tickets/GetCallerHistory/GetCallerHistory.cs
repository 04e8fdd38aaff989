using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Domain.Telephony;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Tickets.GetCallerHistory;

/// <summary>
/// The caller's earlier orders for the agent taking the call (GET /api/tickets/caller-history?phone=): each once, with
/// its content, the open ones of the last 30 days marked as possible duplicates, and the name and address the caller
/// gave last time, to offer instead of asking again.
/// </summary>
public sealed record GetCallerHistory(string? Phone) : IRequest<CallerHistoryDto>;

public sealed class GetCallerHistoryValidator : AbstractValidator<GetCallerHistory>
{
    public GetCallerHistoryValidator()
    {
        RuleFor(x => x.Phone).NotEmpty().WithMessage("请输入来电号码。")
            .MaximumLength(32).Must(p => PhoneNumbers.Normalize(p) is not null).WithMessage("电话号码格式不正确。")
            .OverridePropertyName("phone");
    }
}

public sealed class GetCallerHistoryHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<GetCallerHistory, CallerHistoryDto>
{
    public const int DuplicateWindowDays = 30;
    private const int MaxOrders = 20;
    private const int ExcerptLength = 80;

    public async Task<CallerHistoryDto> Handle(GetCallerHistory request, CancellationToken cancellationToken)
    {
        var raw = request.Phone!.Trim();
        var phone = PhoneNumbers.Normalize(raw)!;
        var since = time.GetUtcNow().AddDays(-DuplicateWindowDays);
        var rows = await db.Tickets.AsNoTracking()
            .VisibleTo(currentUser.Actor)
            .Where(t => t.Citizen.Phone == raw || t.Citizen.Phone == phone || (phone.Length >= 7 && t.Citizen.Phone!.Contains(phone)))
            .OrderByDescending(t => t.CreatedAt)
            .Take(MaxOrders)
            .Select(t => new
            {
                t.Id, t.Number, t.Status, t.CategoryCode, t.LeadUnitId, t.CreatedAt, t.Content,
                Name = t.Citizen.Name, t.Location.DistrictCode, t.Location.StreetCode, t.Location.Address,
            })
            .ToListAsync(cancellationToken);

        var orders = rows.Select(t => new CallerOrderDto(
                t.Id,
                t.Number,
                t.Status,
                t.CategoryCode,
                t.LeadUnitId,
                t.CreatedAt,
                t.Content.Length <= ExcerptLength ? t.Content : t.Content[..ExcerptLength] + "…",
                PossibleDuplicate: t.Status != TicketStatus.Closed && t.CreatedAt >= since,
                new LocationDto(t.DistrictCode, t.StreetCode, t.Address, null, null)))
            .ToList();
        var named = rows.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t.Name));
        return new CallerHistoryDto(phone, named?.Name, orders.FirstOrDefault()?.Location, orders, DuplicateWindowDays);
    }
}
