using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;

namespace Hotline.IntegrationTests.Tickets;

/// <summary>Order numbers under concurrent registration, on PostgreSQL where registrations really run in parallel.</summary>
public sealed class TicketNumberConcurrencyTests(PostgresApiFixture fixture) : ApiTestBase(fixture), IClassFixture<PostgresApiFixture>
{
    [Fact]
    public async Task Register_Should_HandOutDistinctGaplessNumbers_When_FiftyAgentsRegisterAtOnce()
    {
        _ = Fixture.Factory;
        var clients = new List<HttpClient>();
        for (var i = 0; i < 50; i++)
        {
            clients.Add(await ClientAsync(i % 2 == 0 ? "agent" : "agent2"));
        }

        try
        {
            var responses = await Task.WhenAll(clients.Select((client, i) =>
                client.PostAsJsonAsync("/api/tickets", NewTicket(content: $"并发登记 {i}"), Json.Options, Ct)));
            var tickets = new List<TicketDto>();
            foreach (var response in responses)
            {
                tickets.Add(await response.ReadAsync<TicketDto>(HttpStatusCode.Created));
            }

            var numbers = tickets.Select(t => t.Number).ToList();
            numbers.ShouldAllBe(n => n.Length == 14 && n.All(char.IsAsciiDigit));
            numbers.Distinct().Count().ShouldBe(50);
            var chinaDate = tickets[0].CreatedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            numbers.ShouldAllBe(n => n.StartsWith(chinaDate, StringComparison.Ordinal));
            var sequences = numbers.Select(n => int.Parse(n[8..], CultureInfo.InvariantCulture)).Order().ToList();
            sequences.Zip(sequences.Skip(1), (a, b) => b - a).ShouldAllBe(step => step == 1);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task Allocate_Should_NeverShareANumber_When_TwoNodesReserveBlocksOfOneDay()
    {
        _ = Fixture.Factory;
        var day = new DateTimeOffset(2031, 3, 1, 2, 0, 0, TimeSpan.Zero);
        var nodeA = new TicketNumberAllocator(Options.Create(new TicketNumberOptions { NumberBlockSize = 5 }));
        var nodeB = new TicketNumberAllocator(Options.Create(new TicketNumberOptions { NumberBlockSize = 5 }));
        await using var scopeA = Fixture.Factory.Services.CreateAsyncScope();
        await using var scopeB = Fixture.Factory.Services.CreateAsyncScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<HotlineDbContext>();

        var fromA = new List<string>();
        var fromB = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            fromA.Add(await nodeA.NextAsync(dbA, day, Ct));
            fromB.Add(await nodeB.NextAsync(dbB, day, Ct));
        }

        fromA.Concat(fromB).Distinct().Count().ShouldBe(24);
        fromA.ShouldBe(fromA.Order(StringComparer.Ordinal).ToList());
        fromA.Take(5).ShouldBe(["20310301000001", "20310301000002", "20310301000003", "20310301000004", "20310301000005"]);
        fromB.Take(5).ShouldBe(["20310301000006", "20310301000007", "20310301000008", "20310301000009", "20310301000010"]);

        // Each node holds the rest of its third block: the day's counter stands at six blocks.
        (await dbA.Database.SqlQuery<int>($"SELECT \"Last\" AS \"Value\" FROM \"DailySequences\" WHERE \"Day\" = '20310301'").SingleAsync(Ct)).ShouldBe(30);
    }

    [Fact]
    public async Task Allocate_Should_Refuse_When_CalledInsideATransaction()
    {
        _ = Fixture.Factory;
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var numbers = scope.ServiceProvider.GetRequiredService<TicketNumberAllocator>();
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);

        await Should.ThrowAsync<InvalidOperationException>(() => numbers.NextAsync(db, DateTimeOffset.UtcNow, Ct));
    }
}
