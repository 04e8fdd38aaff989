namespace Hotline.Core.Features.Calls;

/// <summary>What callers hear (Mandarin) and the queue they wait in.</summary>
public static class VoicePrompts
{
    public const string Queue = "hotline";
    public const string Greeting = "您好，这里是12345政务服务便民热线。您的来电正在接入话务员，请稍候。通话可能会被录音。";

    /// <summary>What the agent hears on picking up a callback, before the citizen's phone rings.</summary>
    public const string CallingBack = "正在为您回拨漏接来电，请稍候。";

    /// <summary>Said to callback staff when they pick up: the citizen is dialled next (回访拨打).</summary>
    public const string CallingForCallback = "正在为您接通回访市民，请稍候。";

    /// <summary>Heard on hold (保持) and while the agent's phone rings: repeated until the agent is back.</summary>
    public const string OnHold = "请稍候，话务员正在为您处理，请不要挂机。";

    /// <summary>Said to a call placed from the browser softphone itself (the TwiML App's Voice URL): the console calls out instead.</summary>
    public const string SoftphoneNoDialling = "浏览器软电话不能直接拨号，请在工作台使用回拨功能。";

    /// <summary>The agent's phone did not answer: the caller goes back to the queue in their place.</summary>
    public const string Requeued = "话务员暂时无法接听，正在为您转接其他话务员，请稍候。";

    /// <summary>The unit's phone did not answer a transferred caller: back to the hotline's queue.</summary>
    public const string UnitUnanswered = "单位电话暂时无人接听，正在为您转回12345热线话务员，请稍候。";

    /// <summary>Outside the staffed hours: the caller's number is kept and called back (漏接回拨).</summary>
    public static string AfterHours(string staffedHours) =>
        $"您好，这里是12345政务服务便民热线。现在是非人工服务时间，人工服务时间为每天{staffedHours.Replace("-", "至", StringComparison.Ordinal)}。我们已记录您的来电号码，将在人工服务时间尽快给您回电。感谢您的来电，再见。";

    /// <summary>
    /// A flagged number (恶意来电) over its daily limit: not dropped silently, told why and how the demand is handled.
    /// </summary>
    public const string DailyLimitReached =
        "您好，这里是12345政务服务便民热线。本号码今天的来电次数已达到上限，您之前反映的诉求已经记录，正在按程序办理，办理结果将及时答复您。如有新的情况，请明天再拨打12345，或通过12345网上平台提交。如遇紧急情况，请拨打110、119或120。感谢您的来电，再见。";

    /// <summary>What a waiting caller hears, in a loop (Twilio's wait URL): the callers ahead and the expected wait in minutes.</summary>
    public static string Position(int ahead, int minutes) => ahead == 0
        ? $"您是下一位来电，预计等待约{minutes}分钟，请不要挂机。"
        : $"您前面还有{ahead}位来电，预计等待约{minutes}分钟，请不要挂机。";
}
