using System.Security.Cryptography;
using System.Text;
using Hotline.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Hotline.BrowserTests;

/// <summary>
/// An agent sets their presence to available in the header; a call signed as the simulator signs it (the embedded
/// development token) rings them: the toast and the current-calls panel show it, and the toast opens the form.
/// </summary>
public sealed class TelephonyConsoleTests(ConsoleFixture console)
{
    [Fact]
    public async Task IncomingCall_Should_RingTheAgent_When_TheAgentIsAvailable()
    {
        var agent = await SignInAvailableAsync("agent");
        string? callSid = null;
        try
        {

            var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
            callSid = "CA" + Guid.NewGuid().ToString("N");
            var response = await PostSignedCallAsync(callSid, "+86" + phone);
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

            await Expect(agent.Locator(".toast.call")).ToContainTextAsync("+86" + phone);
            await Expect(agent.GetByTestId("active-calls")).ToContainTextAsync("+86" + phone);
            await ConsoleFixture.ScreenshotAsync(agent, "agent-call-ringing");
            var width = await agent.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            width.ShouldBeLessThanOrEqualTo(1366);

            await agent.Locator(".toast.call a").ClickAsync();
            await Expect(agent.Locator("#citizen-phone")).ToHaveValueAsync("+86" + phone);
        }
        finally
        {
            // The caller hangs up: no other test may find this call waiting at the front of the queue.
            if (callSid is not null)
            {
                await PostSignedAsync("/twilio/voice/status", new() { ["CallSid"] = callSid, ["CallStatus"] = "completed", ["SequenceNumber"] = "2" });
            }

            await agent.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task AgentConsole_Should_HoldTransferToTheServicesAndHangUp_TheAgentsOwnCall()
    {
        var agent = await SignInAvailableAsync("agent2");
        var callSid = "CA" + Guid.NewGuid().ToString("N");
        try
        {
            var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
            (await PostSignedCallAsync(callSid, "+86" + phone)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            await Expect(agent.GetByTestId("active-calls")).ToContainTextAsync("+86" + phone);
            await agent.GetByTestId("answer-call").ClickAsync();
            await Expect(agent.GetByTestId("my-call")).ToContainTextAsync("正在通话：+86" + phone);
            await Expect(agent.GetByTestId("presence")).ToHaveValueAsync("Busy");

            // 保持 and back; then 三方转接 to 110 with a note, the agent staying on the call; then 挂断.
            await agent.GetByTestId("hold-call").ClickAsync();
            await Expect(agent.GetByTestId("on-hold")).ToHaveTextAsync("保持中");
            await agent.GetByTestId("resume-call").ClickAsync();
            await Expect(agent.GetByTestId("on-hold")).ToHaveCountAsync(0);
            await agent.GetByTestId("transfer-target").SelectOptionAsync("e:110");
            await agent.GetByTestId("transfer-note").FillAsync("市民报称楼道起火有人被困，已同时转119");
            await ConsoleFixture.ScreenshotAsync(agent, "agent-call-controls");
            await agent.GetByTestId("transfer-call").ClickAsync();
            await Expect(agent.GetByTestId("answer-result")).ToContainTextAsync("本地模拟线路：已三方接通 110（公安）");
            await Expect(agent.GetByTestId("my-call")).ToBeVisibleAsync();
            await agent.GetByTestId("hangup-call").ClickAsync();
            await Expect(agent.GetByTestId("answer-result")).ToContainTextAsync("通话已挂断，进入话后处理。");
            await Expect(agent.GetByTestId("my-call")).ToHaveCountAsync(0);
            await Expect(agent.GetByTestId("presence")).ToHaveValueAsync("WrapUp");
        }
        finally
        {
            await PostSignedAsync("/twilio/voice/status", new() { ["CallSid"] = callSid, ["CallStatus"] = "completed", ["SequenceNumber"] = "9" });
            await agent.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task AgentConsole_Should_AnswerTheQueue_And_CallBackAMissedCaller()
    {
        var agent = await SignInAvailableAsync("agent2");
        try
        {

            // 接听 on the local line: connected at once; a second 接听 while on the call is refused in Chinese.
            var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
            var callSid = "CA" + Guid.NewGuid().ToString("N");
            (await PostSignedCallAsync(callSid, "+86" + phone)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            await Expect(agent.GetByTestId("active-calls")).ToContainTextAsync("+86" + phone);
            await agent.GetByTestId("answer-call").ClickAsync();
            await Expect(agent.GetByTestId("answer-result")).ToContainTextAsync("本地模拟线路：来电已接通。");
            await agent.GetByTestId("answer-call").ClickAsync();
            await Expect(agent.GetByTestId("answer-error")).ToContainTextAsync("您正在通话中，结束当前通话后才能接听下一个来电。");
            await ConsoleFixture.ScreenshotAsync(agent, "agent-call-answered");
            await PostSignedAsync("/twilio/voice/status", new() { ["CallSid"] = callSid, ["CallStatus"] = "completed", ["SequenceNumber"] = "2" });

            // A caller who hangs up in the queue: a callback task, called back at once on the local line, outcome recorded.
            var missedPhone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
            var missedSid = "CA" + Guid.NewGuid().ToString("N");
            await PostSignedCallAsync(missedSid, "+86" + missedPhone);
            await PostSignedAsync("/twilio/voice/status", new() { ["CallSid"] = missedSid, ["CallStatus"] = "completed", ["SequenceNumber"] = "2" });
            await agent.GetByTestId("missed-refresh").ClickAsync();
            var task = agent.Locator($"[data-testid=missed-call][data-phone='{missedPhone}']");
            await Expect(task).ToContainTextAsync("排队中挂断");
            await task.GetByTestId("missed-callback").ClickAsync();
            await Expect(agent.GetByTestId("missed-notice")).ToContainTextAsync("本地模拟线路：回拨已接通。");
            await task.GetByTestId("missed-outcome").SelectOptionAsync("Reached");
            await task.GetByTestId("missed-note").FillAsync("市民已重新说明诉求");
            await ConsoleFixture.ScreenshotAsync(agent, "agent-missed-callback");
            await task.GetByTestId("missed-record").ClickAsync();
            await Expect(agent.GetByTestId("missed-notice")).ToContainTextAsync("已记录“已接通”，回拨完成。");
            await Expect(task).ToHaveCountAsync(0);
        }
        finally
        {
            await agent.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task FlaggedNumber_Should_RingAsAWarning_And_TheCallerPanelSetsThePriority()
    {
        var supervisor = await console.SignInAsync("supervisor", "supervisor");
        var agent = await SignInAvailableAsync("agent");
        string? callSid = null;
        try
        {
            // A supervisor flags the number on 来电人管理.
            var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
            await supervisor.Locator("summary", new() { HasText = "话务管理" }).ClickAsync();
            await supervisor.GetByRole(AriaRole.Link, new() { Name = "来电人管理", Exact = true }).ClickAsync();
            await supervisor.Locator("#flag-phone").FillAsync(phone);
            await supervisor.Locator("#flag-reason").FillAsync("多次来电辱骂话务员");
            await supervisor.GetByRole(AriaRole.Button, new() { Name = "保存标记" }).ClickAsync();
            await Expect(supervisor.GetByTestId("admin-saved")).ToContainTextAsync($"已标记 {phone}：提醒话务员");
            await Expect(supervisor.Locator($"[data-testid=flagged-callers] tr[data-phone='{phone}']")).ToContainTextAsync("多次来电辱骂话务员");

            // The call rings the agent as a red warning; its link opens the form, whose caller panel shows the flag.
            callSid = "CA" + Guid.NewGuid().ToString("N");
            (await PostSignedCallAsync(callSid, "+86" + phone)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            var toast = agent.Locator(".toast.overdue", new() { HasText = "+86" + phone });
            await Expect(toast).ToContainTextAsync("⚠ 恶意来电提醒");
            await Expect(toast).ToContainTextAsync("多次来电辱骂话务员");
            await Expect(agent.GetByTestId("call-flag")).ToContainTextAsync("多次来电辱骂话务员");
            await ConsoleFixture.ScreenshotAsync(agent, "agent-call-flagged");
            await toast.Locator("a").ClickAsync();
            await Expect(agent.GetByTestId("caller-flag")).ToContainTextAsync("多次来电辱骂话务员");
            await agent.GetByLabel("优先类别").SelectOptionAsync("Elderly");
            await agent.GetByTestId("set-priority").ClickAsync();
            await Expect(agent.GetByTestId("caller-priority")).ToContainTextAsync("优先接听：老年人");
        }
        finally
        {
            if (callSid is not null)
            {
                await PostSignedAsync("/twilio/voice/status", new() { ["CallSid"] = callSid, ["CallStatus"] = "completed", ["SequenceNumber"] = "2" });
            }

            await supervisor.Context.CloseAsync();
            await agent.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Wallboard_Should_ShowANewWaitingCaller_Live()
    {
        var agent = await SignInAvailableAsync("agent");
        var supervisor = await console.SignInAsync("supervisor", "supervisor");
        string? callSid = null;
        try
        {
            await supervisor.Locator("summary", new() { HasText = "话务管理" }).ClickAsync();
            await supervisor.GetByRole(AriaRole.Link, new() { Name = "大屏", Exact = true }).ClickAsync();
            var waiting = supervisor.GetByTestId("wb-waiting-count");
            await Expect(waiting).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9]+$"));
            var before = int.Parse(await waiting.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
            await Expect(supervisor.GetByTestId("wb-state-Available")).ToContainTextAsync("李敏");

            var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
            callSid = "CA" + Guid.NewGuid().ToString("N");
            (await PostSignedCallAsync(callSid, "+86" + phone)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);

            // Well inside the page's own 15-second re-read: only the push can bring it this soon.
            await Expect(waiting).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 5_000 });
            await Expect(supervisor.GetByTestId("wb-longest")).ToContainTextAsync("秒");
            await Expect(supervisor.GetByTestId("wb-waiting")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("wb-alert"));
            await ConsoleFixture.ScreenshotAsync(supervisor, "wallboard");
            var width = await supervisor.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            width.ShouldBeLessThanOrEqualTo(1366);
        }
        finally
        {
            if (callSid is not null)
            {
                await PostSignedAsync("/twilio/voice/status", new() { ["CallSid"] = callSid, ["CallStatus"] = "completed", ["SequenceNumber"] = "2" });
            }

            await supervisor.Context.CloseAsync();
            await agent.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Supervisor_Should_ScoreAnAnsweredCallOfTheWeeksSample()
    {
        // An agent answers and hangs up a call on the local line: this week's sample has at least it.
        var agent = await SignInAvailableAsync("agent");
        var callSid = "CA" + Guid.NewGuid().ToString("N");
        var supervisor = await console.SignInAsync("supervisor", "supervisor");
        try
        {
            (await PostSignedCallAsync(callSid, "+86139" + Random.Shared.Next(10_000_000, 99_999_999))).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            await agent.GetByTestId("answer-call").ClickAsync();
            await agent.GetByTestId("hangup-call").ClickAsync();
            await Expect(agent.GetByTestId("answer-result")).ToContainTextAsync("通话已挂断");

            await supervisor.Locator("summary", new() { HasText = "话务管理" }).ClickAsync();
            await supervisor.GetByRole(AriaRole.Link, new() { Name = "话务质检" }).ClickAsync();
            await Expect(supervisor.GetByTestId("qa-summary")).ToContainTextAsync("每位话务员抽检 5%");
            var row = supervisor.GetByTestId("qa-call").Filter(new() { HasText = "话务员 李敏" }).First;
            await row.GetByTestId("qa-select").ClickAsync();
            var points = supervisor.GetByTestId("qa-points");
            await Expect(points).ToHaveCountAsync(4);
            await points.First.FillAsync("6");
            await supervisor.GetByTestId("qa-comment").FillAsync("开头语未报工号");
            await ConsoleFixture.ScreenshotAsync(supervisor, "supervisor-qa");
            await supervisor.GetByTestId("qa-save").ClickAsync();
            await Expect(supervisor.GetByTestId("qa-notice")).ToContainTextAsync("已保存评分：96 / 100。");
            await Expect(supervisor.GetByTestId("qa-agent").Filter(new() { HasText = "话务员 李敏" })).ToBeVisibleAsync();
        }
        finally
        {
            await PostSignedAsync("/twilio/voice/status", new() { ["CallSid"] = callSid, ["CallStatus"] = "completed", ["SequenceNumber"] = "9" });
            await supervisor.Context.CloseAsync();
            await agent.Context.CloseAsync();
        }
    }

    /// <summary>Signs in on the agent workspace and sets the header's presence to 空闲.</summary>
    private async Task<IPage> SignInAvailableAsync(string userName)
    {
        var agent = await console.SignInAsync(userName, "agent");
        var presence = agent.GetByTestId("presence");
        await Expect(presence).ToBeEnabledAsync();
        await presence.SelectOptionAsync("Available");
        await Expect(agent.Locator("header .presence-available")).ToBeVisibleAsync();
        return agent;
    }

    private Task<HttpResponseMessage> PostSignedCallAsync(string callSid, string from) =>
        PostSignedAsync("/twilio/voice/incoming", new() { ["CallSid"] = callSid, ["From"] = from, ["CallStatus"] = "ringing", ["Direction"] = "inbound" });

    /// <summary>A webhook signed as the simulator signs it (parameters sorted by name, ordinal).</summary>
    private async Task<HttpResponseMessage> PostSignedAsync(string path, Dictionary<string, string> fields)
    {
        // As the simulator does: use the development token of the data folder, creating it when the API has not yet.
        var tokenFile = Path.Combine(console.DataDirectory, "twilio-dev-token");
        if (!File.Exists(tokenFile))
        {
            await File.WriteAllTextAsync(tokenFile, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), TestContext.Current.CancellationToken);
        }

        var token = (await File.ReadAllTextAsync(tokenFile, TestContext.Current.CancellationToken)).Trim();
        var form = new SortedDictionary<string, string>(fields, StringComparer.Ordinal);
        var url = new Uri(console.BaseAddress, path).ToString();
        var signed = url + string.Concat(form.Select(p => p.Key + p.Value));
        var signature = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(signed)));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
