using System.Net;
using Hotline.Contracts;
using Hotline.Contracts.Citizens;
using Hotline.Core.Data;
using Hotline.Domain.Citizens;
using Hotline.Domain.Common;
using Hotline.Core.Features.Tickets;
using Hotline.Core.Features.Tickets.RegisterTicket;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Hotline.IntegrationTests.Citizens;

/// <summary>The shared registration routine: a failed save with an idempotency key is only a race when a winner exists.</summary>
public abstract class TicketRegistrationTests(ApiFixture fixture) : CitizenTestBase(fixture)
{
    [Fact]
    public async Task Register_Should_RethrowTheOriginalFailure_When_ASaveWithAKeyFailsWithoutARacingWinner()
    {
        var taken = await (await SubmitAsync(Submission())).ReadAsync<PublicSubmissionReceipt>(HttpStatusCode.Accepted);
        var before = await TicketTotalAsync();
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var key = $"test:{Guid.NewGuid():N}";
        var body = NewTicket() with { Channel = Channel.Web };

        // The submission reuses a tracking code (unique index): the save fails for a reason other than the key.
        var registration = new TicketRegistrationRequest<Guid>(
            body, Channel.Web, null, null, Actor.System("测试"), key, TicketRegistration.Fingerprint(body), "conflict",
            (id, _) => Task.FromResult(id),
            (ticket, _, _) => Task.FromResult(ticket.Id),
            (ticket, now) => db.CitizenSubmissions.Add(new CitizenSubmission(Guid.NewGuid(), ticket.Id, taken.TrackingCode, Channel.Web, null, "web", null, null, now)));

        await Should.ThrowAsync<DbUpdateException>(() => TicketRegistration.RegisterAsync(db, scope.ServiceProvider.GetRequiredService<TicketNumberAllocator>(), TimeProvider.System, registration, Ct));

        (await TicketTotalAsync()).ShouldBe(before);
        (await db.Tickets.AsNoTracking().AnyAsync(t => t.IdempotencyKey == key, Ct)).ShouldBeFalse();
    }

    public sealed class OnSqlite(CitizenSqliteFixture fixture) : TicketRegistrationTests(fixture), IClassFixture<CitizenSqliteFixture>;

    public sealed class OnPostgreSql(CitizenPostgresFixture fixture) : TicketRegistrationTests(fixture), IClassFixture<CitizenPostgresFixture>;
}
