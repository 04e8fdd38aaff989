using FluentValidation;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Privacy;
using Hotline.Core.Data;
using Hotline.Core.Features.Audit;
using Hotline.Domain.Common;
using Hotline.Domain.Telephony;
using Hotline.Domain.Tickets;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Privacy.AnonymiseCitizen;

/// <summary>
/// 个人信息保护法 art. 47: removes one citizen's personal data from every order with their phone. Refused (409, the
/// open orders listed) while an order is still open — it needs the number for the callback — unless
/// <paramref name="Force"/>. The trail gets the masked phone only, and no change values (they would hold the data).
/// </summary>
public sealed record AnonymiseCitizen(string Phone, bool Force) : IRequest<AnonymiseCitizenResult>, IAuditedRequest
{
    public string AuditAction => AuditActions.CitizenAnonymised;
    public string? AuditSummary => $"按申请删除市民 {Citizen.Mask(PhoneNumbers.Normalize(Phone))} 的个人信息{(Force ? "（含未结工单）" : "")}";
    public string? AuditTargetType => "Citizen";
    public string? AuditTargetId => Citizen.Mask(PhoneNumbers.Normalize(Phone));
    public bool AuditCapturesChanges => false;
}

public sealed class AnonymiseCitizenValidator : AbstractValidator<AnonymiseCitizen>
{
    public AnonymiseCitizenValidator() =>
        RuleFor(x => x.Phone).Must(p => PhoneNumbers.Normalize(p) is not null).WithMessage("电话号码无效 (5–20 digits)");
}

public sealed class AnonymiseCitizenHandler(HotlineDbContext db, PersonalDataErasure erasure, TimeProvider time)
    : IRequestHandler<AnonymiseCitizen, AnonymiseCitizenResult>
{
    public async Task<AnonymiseCitizenResult> Handle(AnonymiseCitizen request, CancellationToken cancellationToken)
    {
        var phone = PhoneNumbers.Normalize(request.Phone)!;
        var tickets = await db.Tickets.Where(t => t.Citizen.Phone == phone).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
        var open = tickets.Where(t => t.IsOpen).Select(t => t.Number).ToList();
        if (open.Count > 0 && !request.Force)
        {
            throw new DomainException($"该市民有未办结工单：{string.Join("、", open)}。办结后再删除，或确认强制删除。");
        }

        var counts = erasure.EmptyCounts();
        await erasure.Erase(tickets, time.GetUtcNow(), counts, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new AnonymiseCitizenResult(counts, tickets.Select(t => t.Number).ToList());
    }
}
