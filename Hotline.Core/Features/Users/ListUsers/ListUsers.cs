using Hotline.Contracts.Auth;
using Hotline.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Users.ListUsers;

public sealed record ListUsers : IRequest<IReadOnlyList<UserDto>>;

public sealed class ListUsersHandler(HotlineDbContext db) : IRequestHandler<ListUsers, IReadOnlyList<UserDto>>
{
    public async Task<IReadOnlyList<UserDto>> Handle(ListUsers request, CancellationToken cancellationToken) =>
        (await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken))
            .Select(UserMapping.ToDto)
            .ToList();
}
