using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts.Citizens;
using Hotline.Core.Data;
using Hotline.IntegrationTests.Infrastructure;
using Shouldly;

namespace Hotline.IntegrationTests.Citizens;

/// <summary>The public channels' limits: 429 with Retry-After, nothing stored, and the rest of the API unaffected.</summary>
public sealed class CitizenRateLimitTests
{
    public sealed class PerClient(PerClient.LowLimits fixture) : CitizenTestBase(fixture), IClassFixture<PerClient.LowLimits>
    {
        public const int Limit = 4;

        [Fact]
        public async Task Burst_Should_GetA429AndLeaveTheApiResponsive_When_ItExceedsThePerClientLimit()
        {
            var before = await TicketTotalAsync();

            var responses = await Task.WhenAll(Enumerable.Range(0, Limit * 3).Select(i => SubmitAsync(Submission(phone: $"1390000{i:0000}"))));

            responses.Count(r => r.StatusCode == HttpStatusCode.Accepted).ShouldBe(Limit);
            var rejected = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
            rejected.Count.ShouldBe(Limit * 2);
            var problem = await rejected[0].ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
            problem.GetProperty("detail").GetString()!.ShouldContain("稍后再试");
            rejected[0].Headers.RetryAfter.ShouldNotBeNull();
            (await TicketTotalAsync()).ShouldBe(before + Limit);

            using var anonymous = Fixture.AnonymousClient();
            (await anonymous.GetAsync("/health/live", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            var accepted = await responses.First(r => r.StatusCode == HttpStatusCode.Accepted).ReadAsync<PublicSubmissionReceipt>(HttpStatusCode.Accepted);
            (await anonymous.GetAsync($"/api/public/submissions/{accepted.TrackingCode}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            using var agent = await ClientAsync("agent");
            (await agent.GetAsync("/api/tickets?status=Registered", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        [Fact]
        public async Task Open311Burst_Should_GetA429ErrorList_When_ItExceedsTheOpen311Limit()
        {
            using var anonymous = Fixture.AnonymousClient();
            var responses = new List<HttpResponseMessage>();
            for (var i = 0; i < Limit + 1; i++)
            {
                responses.Add(await anonymous.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent([new("api_key", "wrong")]), Ct));
            }

            responses.Take(Limit).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Forbidden);
            var last = responses[^1];
            last.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            (await last.Content.ReadAsStringAsync(Ct)).ShouldStartWith("[{\"code\":429,");
        }

        public sealed class LowLimits() : ApiFixture(DatabaseProvider.Sqlite, settings: CitizenSettings.Limits(perClient: Limit, perPhone: 100, open311: Limit));
    }

    public sealed class PerPhone(PerPhone.LowLimits fixture) : CitizenTestBase(fixture), IClassFixture<PerPhone.LowLimits>
    {
        [Fact]
        public async Task Submit_Should_Answer429ForThatPhoneOnly_When_OnePhoneSubmitsTooOften()
        {
            var before = await TicketTotalAsync();

            var first = await SubmitAsync(Submission(phone: "138-0000-5555"));
            var second = await SubmitAsync(Submission(phone: "13800005555"));
            var third = await SubmitAsync(Submission(phone: "13800005555"));
            var otherPhone = await SubmitAsync(Submission(phone: "13800006666"));
            var noPhone = await SubmitAsync(Submission(phone: null));

            first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            second.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            var problem = await third.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
            problem.GetProperty("detail").GetString()!.ShouldContain("电话号码");
            third.Headers.RetryAfter.ShouldNotBeNull();
            otherPhone.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            noPhone.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            (await TicketTotalAsync()).ShouldBe(before + 4);
        }

        [Fact]
        public async Task Submit_Should_CountOnlyValidSubmissionsOnceNumberWhateverItsPrefix_When_APhoneIsLimited()
        {
            var before = await TicketTotalAsync();

            for (var i = 0; i < 3; i++)
            {
                (await SubmitAsync(Submission(phone: "13911112222", categoryCode: "no-such-category"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            }

            var prefixed = await SubmitAsync(Submission(phone: "+86 139 1111 2222"));
            var international = await SubmitAsync(Submission(phone: "0086-139-1111-2222"));
            var plain = await SubmitAsync(Submission(phone: "13911112222"));

            prefixed.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            international.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            await plain.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
            (await TicketTotalAsync()).ShouldBe(before + 2);
        }

        public sealed class LowLimits() : ApiFixture(DatabaseProvider.Sqlite, settings: CitizenSettings.Limits(perClient: 100, perPhone: 2, open311: 100));
    }
}
