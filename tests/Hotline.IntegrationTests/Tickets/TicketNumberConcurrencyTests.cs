using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts.Tickets;
using Hotline.IntegrationTests.Infrastructure;
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
}
