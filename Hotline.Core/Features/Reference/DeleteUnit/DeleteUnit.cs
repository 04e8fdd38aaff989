using Hotline.Contracts.Audit;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.Domain.Reference;
using Unit = Hotline.Domain.Reference.Unit;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Reference.DeleteUnit;

public sealed record DeleteUnit(Guid Id) : IRequest<MediatR.Unit>, Hotline.Core.Features.Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.UnitDeleted;
    public string? AuditTargetType => "Unit";
    public string? AuditTargetId => Id.ToString();
}

public sealed class DeleteUnitHandler(HotlineDbContext db, ReferenceDataCache reference) : IRequestHandler<DeleteUnit, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(DeleteUnit request, CancellationToken cancellationToken)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == request.Id, cancellationToken) ?? throw new NotFoundException("单位", request.Id);
        var used = await db.Tickets.AnyAsync(t => t.LeadUnitId == unit.Id || t.Participants.Any(p => p.UnitId == unit.Id), cancellationToken)
            || await db.Units.AnyAsync(u => u.ParentId == unit.Id, cancellationToken)
            || await db.DispatchRules.AnyAsync(r => r.UnitId == unit.Id, cancellationToken)
            || await db.Users.AnyAsync(u => u.UnitId == unit.Id, cancellationToken)
            || await db.UnitClients.AnyAsync(c => c.UnitId == unit.Id, cancellationToken);
        if (used)
        {
            throw new DomainException("该单位仍有工单、下级单位、派单规则、用户或系统对接凭据，不能删除。");
        }

        db.Units.Remove(unit);
        await db.SaveChangesAsync(cancellationToken);
        reference.Invalidate();
        return MediatR.Unit.Value;
    }
}
