using FluentValidation;
using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Calls.MissedCalls;

/// <summary>
/// <c>GET /api/calls/missed?status=open|done</c>: the callback tasks (漏接回拨). Open ones (the default: waiting or being
/// called back), the longest waiting first; <c>done</c>: the latest 200 finished ones, latest first.
/// </summary>
public sealed record ListMissedCalls(string? Status) : IRequest<IReadOnlyList<MissedCallDto>>
{
    public bool Done => string.Equals(Status, "done", StringComparison.OrdinalIgnoreCase);
}

public sealed class ListMissedCallsValidator : AbstractValidator<ListMissedCalls>
{
    public ListMissedCallsValidator() => RuleFor(x => x.Status)
        .Must(s => s is null || s.Equals("open", StringComparison.OrdinalIgnoreCase) || s.Equals("done", StringComparison.OrdinalIgnoreCase))
        .WithMessage("status 只能是 open 或 done。").OverridePropertyName("status");
}

public sealed class ListMissedCallsHandler(HotlineDbContext db) : IRequestHandler<ListMissedCalls, IReadOnlyList<MissedCallDto>>
{
    private const int DoneLimit = 200;

    public async Task<IReadOnlyList<MissedCallDto>> Handle(ListMissedCalls request, CancellationToken cancellationToken)
    {
        var tasks = request.Done
            ? db.MissedCalls.AsNoTracking().Where(m => m.Status == MissedCallStatus.Done).OrderByDescending(m => m.CompletedAt).ThenBy(m => m.Id).Take(DoneLimit)
            : db.MissedCalls.AsNoTracking().Where(m => m.Status != MissedCallStatus.Done).OrderBy(m => m.FirstMissedAt).ThenBy(m => m.Id);
        return (await tasks.ToListAsync(cancellationToken)).Select(m => m.ToDto()).ToList();
    }
}
