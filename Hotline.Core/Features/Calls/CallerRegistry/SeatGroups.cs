using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Core.Features.Audit;
using Hotline.Core.Features.Common;
using Hotline.Domain.Common;
using Hotline.Domain.Telephony;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Calls.CallerRegistry;

/// <summary>The configured seat groups (<c>Calls:SeatGroups</c>) and every active agent with theirs.</summary>
public sealed record GetSeatGroups : IRequest<SeatGroupsDto>;

public sealed class GetSeatGroupsHandler(HotlineDbContext db, IOptions<CallCentreOptions> options) : IRequestHandler<GetSeatGroups, SeatGroupsDto>
{
    public async Task<SeatGroupsDto> Handle(GetSeatGroups request, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => new { u.Id, u.UserName, u.DisplayName, u.Roles }).ToListAsync(cancellationToken);
        var skills = (await db.AgentSeatGroups.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(g => g.UserId, g => g.SeatGroup);
        var agents = users.Where(u => u.Roles.Contains(Roles.Agent)).OrderBy(u => u.UserName, StringComparer.Ordinal)
            .Select(u => new AgentSeatGroupsDto(u.Id, u.UserName, u.DisplayName, skills[u.Id].Order(StringComparer.Ordinal).ToList()))
            .ToList();
        return new SeatGroupsDto(options.Value.SeatGroups.Keys.Order(StringComparer.Ordinal).ToList(), agents);
    }
}

/// <summary>An admin sets an agent's seat groups (their skills: 方言专席, 涉企专席, …), replacing the earlier ones.</summary>
public sealed record SetAgentSeatGroups(Guid UserId, SetAgentSeatGroupsRequest Body) : IRequest<AgentSeatGroupsDto>, IAuditedRequest
{
    public string AuditAction => AuditActions.AgentSeatGroupsSaved;
    public string? AuditSummary => $"设置话务员专席：{string.Join("、", Body.SeatGroups ?? [])}";
    public string? AuditTargetType => "User";
    public string? AuditTargetId => UserId.ToString();
}

public sealed class SetAgentSeatGroupsValidator : AbstractValidator<SetAgentSeatGroups>
{
    public SetAgentSeatGroupsValidator(IOptions<CallCentreOptions> options)
    {
        RuleFor(x => x.Body.SeatGroups).NotNull().OverridePropertyName("seatGroups").WithMessage("请提交专席列表（可为空）。");
        RuleForEach(x => x.Body.SeatGroups).Must(g => g is not null && options.Value.SeatGroups.ContainsKey(g))
            .OverridePropertyName("seatGroups").WithMessage((_, g) => $"专席“{g}”未配置（Calls:SeatGroups）。");
    }
}

public sealed class SetAgentSeatGroupsHandler(HotlineDbContext db) : IRequestHandler<SetAgentSeatGroups, AgentSeatGroupsDto>
{
    public async Task<AgentSeatGroupsDto> Handle(SetAgentSeatGroups request, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == request.UserId, cancellationToken)
            ?? throw new NotFoundException("账号", request.UserId);
        if (!user.Roles.Contains(Roles.Agent))
        {
            throw new DomainException("只有话务员（Agent）可以设置专席。");
        }

        var wanted = request.Body.SeatGroups!.Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var current = await db.AgentSeatGroups.Where(g => g.UserId == user.Id).ToListAsync(cancellationToken);
        db.AgentSeatGroups.RemoveRange(current.Where(g => !wanted.Contains(g.SeatGroup)));
        foreach (var group in wanted.Where(w => current.All(g => g.SeatGroup != w)))
        {
            db.AgentSeatGroups.Add(new AgentSeatGroup(user.Id, group));
        }

        await db.SaveChangesAsync(cancellationToken);
        return new AgentSeatGroupsDto(user.Id, user.UserName, user.DisplayName, wanted.Order(StringComparer.Ordinal).ToList());
    }
}
