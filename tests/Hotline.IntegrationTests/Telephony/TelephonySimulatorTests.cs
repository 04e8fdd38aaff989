using Hotline.Simulator;
using Shouldly;

namespace Hotline.IntegrationTests.Telephony;

/// <summary>The simulator's command line: what it accepts, and the reason it gives for what it refuses.</summary>
public sealed class TelephonySimulatorTests
{
    private const string CallSid = "CA0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("simulate-call 13800000000", "simulate-call", "13800000000", null)]
    [InlineData("simulate-call 13800000000 +862161234567", "simulate-call", "13800000000", "+862161234567")]
    [InlineData("simulate-wait " + CallSid, "simulate-wait", CallSid, null)]
    [InlineData("simulate-hangup CAabc", "simulate-hangup", "CAabc", null)]
    [InlineData("simulate-sms 13800000000 3 1", "simulate-sms", "13800000000", "3 1")]
    [InlineData("simulate-inbox +8613800000000", "simulate-inbox", "+8613800000000", null)]
    [InlineData("simulate-keypad " + CallSid + " 21", "simulate-keypad", CallSid, "21")]
    [InlineData("simulate-keypad " + CallSid, "simulate-keypad", CallSid, "")]
    public void Parse_Should_ReadTheCommand_When_TheArgumentsAreComplete(string line, string name, string target, string? text)
    {
        var (command, error) = TelephonySimulator.Parse(line.Split(' '));

        error.ShouldBeNull();
        command.ShouldNotBeNull().ShouldSatisfyAllConditions(
            c => c.Name.ShouldBe(name),
            c => c.Target.ShouldBe(target),
            c => c.Text.ShouldBe(text),
            c => c.Url.ShouldBe(new Uri("http://localhost:5080/")));
    }

    [Fact]
    public void Parse_Should_UseTheGivenAddress_When_UrlComesBeforeOrAfterTheCommand()
    {
        TelephonySimulator.Parse(["--url", "http://127.0.0.1:6000", "simulate-inbox", "13800000000"]).Command!.Url.ShouldBe(new Uri("http://127.0.0.1:6000/"));
        TelephonySimulator.Parse(["simulate-keypad", CallSid, "1", "--url", "https://h.example/hotline/"]).Command!.Url.ShouldBe(new Uri("https://h.example/hotline/"));
    }

    [Fact]
    public void Parse_Should_TakeTheApiFolder_When_ItExists_And_RefuseIt_When_ItDoesNot()
    {
        var folder = Directory.CreateTempSubdirectory("hotline-api-").FullName;

        TelephonySimulator.Parse(["simulate-inbox", "13800000000", "--api-dir", folder]).Command!.ApiDirectory.ShouldBe(Path.GetFullPath(folder));
        TelephonySimulator.Parse(["simulate-inbox", "13800000000"]).Command!.ApiDirectory.ShouldBeNull("found from the current folder when run");
        TelephonySimulator.Parse(["--api-dir", Path.Combine(folder, "missing"), "simulate-inbox", "13800000000"]).Error.ShouldNotBeNull().ShouldContain("--api-dir needs");
        Directory.Delete(folder);
    }

    [Theory]
    [InlineData("simulate-inbox", null)]
    [InlineData("simulate-sms 13800000000", null)]
    [InlineData("simulate-call 13800000000 +862161234567 extra", null)]
    [InlineData("simulate-call 13800000000 extra", "Not a phone number")]
    [InlineData("simulate-wait CAabc", "Not a call sid")]
    [InlineData("simulate-inbox abc", "Not a phone number")]
    [InlineData("simulate-sms x 11", "Not a phone number")]
    [InlineData("simulate-keypad SM0123456789abcdef0123456789abcdef 11", "Not a call sid")]
    [InlineData("simulate-keypad " + CallSid + " 1a", "Keys are the phone's keypad")]
    [InlineData("simulate-inbox 13800000000 --url", "--url needs")]
    [InlineData("simulate-inbox 13800000000 --url ftp://h", "--url needs")]
    [InlineData("simulate-inbox 13800000000 --verbose", "Unknown option")]
    public void Parse_Should_RefuseWithAReason_When_TheArgumentsAreWrong(string line, string? reason)
    {
        var (command, error) = TelephonySimulator.Parse(line.Split(' '));

        command.ShouldBeNull();
        if (reason is null)
        {
            error.ShouldBeNull("the usage text is the answer");
        }
        else
        {
            error.ShouldNotBeNull().ShouldContain(reason);
        }
    }
}
