using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Reference.GetAppealPolicy;

/// <summary>The appeal rule: how many working days after a verdict the lead unit may appeal it.</summary>
public sealed record GetAppealPolicy : IRequest<AppealPolicyDto>;

public sealed class GetAppealPolicyHandler(HotlineDbContext db) : IRequestHandler<GetAppealPolicy, AppealPolicyDto>
{
    public async Task<AppealPolicyDto> Handle(GetAppealPolicy request, CancellationToken cancellationToken) =>
        new(await WindowWorkingDaysAsync(db, cancellationToken));

    /// <summary>The window in working days; the default when the row is missing (a database older than the rule).</summary>
    public static async Task<int> WindowWorkingDaysAsync(HotlineDbContext db, CancellationToken ct) =>
        await db.AppealPolicies.AsNoTracking().Where(p => p.Id == AppealPolicy.SingletonId).Select(p => (int?)p.WindowWorkingDays).FirstOrDefaultAsync(ct)
        ?? AppealPolicy.DefaultWindowWorkingDays;
}
