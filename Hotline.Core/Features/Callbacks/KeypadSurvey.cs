namespace Hotline.Core.Features.Callbacks;

/// <summary>What the keypad survey call says (Mandarin).</summary>
public static class KeypadSurvey
{
    public const string SatisfactionPrompt = "请对您反映问题的办理结果进行评价：满意请按1，基本满意请按2，不满意请按3。";
    public const string SolvedPrompt = "您反映的问题是否已经解决：已解决请按1，未解决请按2。";
    public const string Retry = "抱歉，没有收到有效的按键。";
    public const string Goodbye = "没有收到您的评价，稍后工作人员会再与您联系。再见。";
    public const string Thanks = "感谢您的评价，再见。";
}
