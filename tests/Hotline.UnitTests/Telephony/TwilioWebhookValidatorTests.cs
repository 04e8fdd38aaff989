using System.Text;
using Hotline.Core.Data;
using Hotline.Core.Telephony;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Shouldly;

namespace Hotline.UnitTests.Telephony;

/// <summary>The webhook check on real request objects: public base URL + raw target, form, GET and JSON bodies.</summary>
public sealed class TwilioWebhookValidatorTests
{
    private const string Token = "12345";

    [Fact]
    public async Task Validate_Should_UseThePublicUrlAndTheRawTarget_When_BehindAProxy()
    {
        var form = new Dictionary<string, string> { ["CallSid"] = "CA1234567890ABCDE", ["Caller"] = "+14158675309", ["Digits"] = "1234", ["From"] = "+14158675309", ["To"] = "+18005551212" };
        var request = Request("POST", "/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=", form: form);

        var webhook = await Validator("https://mycompany.com").ValidateAsync(request, TestContext.Current.CancellationToken);

        webhook.ShouldNotBeNull()["Digits"].ShouldBe("1234");
        webhook.QueryValue("foo").ShouldBe("1");
    }

    [Fact]
    public async Task Validate_Should_AcceptTheDefaultPortVariant_When_TwilioSignedWithPort443()
    {
        var form = new Dictionary<string, string> { ["CallSid"] = "CA1234567890ABCDE", ["Caller"] = "+14158675309", ["Digits"] = "1234", ["From"] = "+14158675309", ["To"] = "+18005551212" };
        var request = Request("POST", "/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w=", form: form);

        (await Validator("https://mycompany.com").ValidateAsync(request, TestContext.Current.CancellationToken)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Validate_Should_Refuse_When_TheQueryWasChanged()
    {
        var form = new Dictionary<string, string> { ["CallSid"] = "CA1234567890ABCDE", ["Caller"] = "+14158675309", ["Digits"] = "1234", ["From"] = "+14158675309", ["To"] = "+18005551212" };
        var request = Request("POST", "/myapp.php?foo=2&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=", form: form);

        (await Validator("https://mycompany.com").ValidateAsync(request, TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Fact]
    public async Task Validate_Should_CheckTheBodyHash_When_TheBodyIsJson()
    {
        const string target = "/myapp.php?foo=1&bar=2&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
        var valid = Request("POST", target, "a9nBmqA0ju/hNViExpshrM61xv4=", json: "{\"property\": \"value\", \"boolean\": true}");
        var tampered = Request("POST", target, "a9nBmqA0ju/hNViExpshrM61xv4=", json: "{\"property\": \"value\", \"boolean\": false}");

        (await Validator("https://mycompany.com").ValidateAsync(valid, TestContext.Current.CancellationToken)).ShouldNotBeNull();
        (await Validator("https://mycompany.com").ValidateAsync(tampered, TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Fact]
    public async Task Validate_Should_SignTheUrlAlone_When_TheRequestIsAGet()
    {
        var url = "https://hotline.example.gov.cn/twilio/voice/status?CallSid=CA1&CallStatus=completed";
        var request = Request("GET", "/twilio/voice/status?CallSid=CA1&CallStatus=completed", TwilioSignature.Compute(Token, url));

        var webhook = await Validator("https://hotline.example.gov.cn/").ValidateAsync(request, TestContext.Current.CancellationToken);

        webhook.ShouldNotBeNull()["CallStatus"].ShouldBe("completed");
    }

    [Fact]
    public async Task Validate_Should_RefuseEverything_When_NoTokenExists()
    {
        var request = Request("GET", "/twilio/voice/status?CallSid=CA1", TwilioSignature.Compute(Token, "https://h.example/twilio/voice/status?CallSid=CA1"));
        var credentials = new TwilioCredentials(Options.Create(new TwilioOptions()), Options.Create(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql }), new Env());

        credentials.WebhookToken.ShouldBeNull();
        (await new TwilioWebhookValidator(credentials, Options.Create(new TwilioOptions { PublicBaseUrl = "https://h.example" }))
            .ValidateAsync(request, TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    private static TwilioWebhookValidator Validator(string publicBaseUrl)
    {
        var options = new TwilioOptions { AccountSid = "AC1", AuthToken = Token, FromNumber = "+861012345", PublicBaseUrl = publicBaseUrl };
        var credentials = new TwilioCredentials(Options.Create(options), Options.Create(new DatabaseOptions()), new Env());
        return new TwilioWebhookValidator(credentials, Options.Create(options));
    }

    private static HttpRequest Request(string method, string rawTarget, string signature, Dictionary<string, string>? form = null, string? json = null)
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = method;
        request.Scheme = "http";
        request.Host = new HostString("10.0.0.5", 8080); // the proxy's hop, not what Twilio signed
        var question = rawTarget.IndexOf('?');
        request.Path = question < 0 ? rawTarget : rawTarget[..question];
        request.QueryString = question < 0 ? QueryString.Empty : new QueryString(rawTarget[question..]);
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = rawTarget;
        request.Headers[TwilioSignature.Header] = signature;
        if (form is not null)
        {
            var body = new FormUrlEncodedContent(form).ReadAsStringAsync().GetAwaiter().GetResult();
            request.ContentType = "application/x-www-form-urlencoded";
            request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        }
        else if (json is not null)
        {
            request.ContentType = "application/json";
            request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        }

        return request;
    }

    private sealed class Env : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "Hotline";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
