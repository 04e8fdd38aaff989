using System.Net;
using System.Text;
using Hotline.Core.Data;
using Hotline.Core.Telephony;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Hotline.IntegrationTests.Telephony;

/// <summary>
/// Bodies a form reader chokes on, sent to every webhook route with a signature header: 403 (a body that cannot be
/// read as Twilio's url-encoded form cannot carry a valid signature, and the form reader refuses a NUL even in a
/// signed body), never 500; nothing is stored.
/// </summary>
public abstract class MalformedWebhookTests(TwilioFixture fixture) : ApiTestBase(fixture)
{
    private readonly TwilioFixture _twilio = fixture;

    public static TheoryData<string> Routes =>
    [
        "/twilio/voice/incoming", "/twilio/voice/status", "/twilio/voice/recording", "/twilio/sms/incoming", "/twilio/sms/status",
        "/twilio/survey/answer?survey=x&step=solved&attempt=1",
    ];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Webhook_Should_Answer403_When_TheBodyCannotBeReadAsAForm(string route)
    {
        var callSid = "CA" + Guid.NewGuid().ToString("N");
        var manyFields = string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=1")) + "&CallSid=" + callSid;
        var bodies = new (string Name, string ContentType, string Body)[]
        {
            ("multipart without a boundary", "multipart/form-data", $"CallSid={callSid}"),
            ("truncated multipart", "multipart/form-data; boundary=XyZ", $"--XyZ\r\nContent-Disposition: form-data; name=\"CallSid\"\r\n\r\n{callSid}\r\n--XyZ\r\nContent-Disposition: form-data; name=\"From\"\r\n\r\n+8613"),
            ("more than 1,024 fields", "application/x-www-form-urlencoded", manyFields),
            ("a key over 2,048 characters", "application/x-www-form-urlencoded", new string('k', 3000) + "=1&CallSid=" + callSid),
        };

        foreach (var (name, contentType, body) in bodies)
        {
            var response = await PostRawAsync(route, contentType, body, signature: "bm90LWEtc2lnbmF0dXJl");

            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            problem.GetProperty("status").GetInt32().ShouldBe(403, name);
        }

        (await CallsAsync(callSid)).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Webhook_Should_Answer403_When_ANulIsSentUnsigned(string route)
    {
        var response = await PostRawAsync(route, "application/x-www-form-urlencoded", "CallSid=%00", signature: "bm90LWEtc2lnbmF0dXJl");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Webhook_Should_Answer403AndStoreNothing_When_EvenASignedFieldHoldsANul(string route)
    {
        var callSid = "CA" + Guid.NewGuid().ToString("N");
        List<KeyValuePair<string, string>> form =
        [
            new("AccountSid", TwilioFixture.AccountSid), new("CallSid", callSid), new("From", "+86139\0" + "00000000"), new("To", TwilioFixture.FromNumber),
            new("CallStatus", "ringing"), new("MessageSid", "SM" + Guid.NewGuid().ToString("N")), new("Body", "1\01"), new("Digits", "1\0"),
        ];

        // ASP.NET Core's form reader refuses a NUL, so the signature cannot be checked against the fields.
        var response = await _twilio.PostWebhookAsync(route, form);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await CallsAsync(callSid)).ShouldBe(0);
    }

    private async Task<HttpResponseMessage> PostRawAsync(string route, string contentType, string body, string signature)
    {
        using var client = _twilio.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.Add(TwilioSignature.Header, signature);
        return await client.SendAsync(request, Ct);
    }

    private async Task<int> CallsAsync(string callSid)
    {
        await using var scope = _twilio.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HotlineDbContext>().Calls.CountAsync(c => c.CallSid == callSid, Ct);
    }

    public sealed class OnSqlite(SqliteTwilioFixture fixture) : MalformedWebhookTests(fixture), IClassFixture<SqliteTwilioFixture>;

    public sealed class OnPostgreSql(PostgresTwilioFixture fixture) : MalformedWebhookTests(fixture), IClassFixture<PostgresTwilioFixture>;
}
