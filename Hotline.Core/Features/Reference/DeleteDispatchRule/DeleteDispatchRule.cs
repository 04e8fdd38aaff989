using Hotline.Contracts.Audit;
using Hotline.Core.Data;
using Hotline.Domain.Reference;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Reference.DeleteDispatchRule;

public sealed record DeleteDispatchRule(Guid Id) : IRequest<MediatR.Unit>, Hotline.Core.Features.Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.DispatchRuleDeleted;
    public string? AuditTargetType => "DispatchRule";
    public string? AuditTargetId => Id.ToString();
}

public sealed class DeleteDispatchRuleHandler(HotlineDbContext db, ReferenceDataCache reference) : IRequestHandler<DeleteDispatchRule, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(DeleteDispatchRule request, CancellationToken cancellationToken)
    {
        var rule = await db.DispatchRules.FirstOrDefaultAsync(r => r.Id == request.Id, cancellationToken) ?? throw new NotFoundException("派单规则", request.Id);
        db.DispatchRules.Remove(rule);
        await db.SaveChangesAsync(cancellationToken);
        reference.Invalidate();
        return MediatR.Unit.Value;
    }
}
