using System.Text;

namespace Hotline.Domain.Telephony;

/// <summary>
/// Reads a citizen's SMS answer: two digits, satisfaction (1 满意, 2 基本满意, 3 不满意) then solved (1 已解决,
/// 2 未解决). Full-width digits, spaces and separators are accepted ("11", "1 1", "1,1", "１１", "1，1"); one
/// digit alone is an answer to one question.
/// </summary>
public static class SurveyAnswer
{
    public const string Question =
        "【12345热线回访】您反映的问题（工单{0}）已办理答复。请回复两位数字评价：第一位满意度 1满意 2基本满意 3不满意；第二位 1已解决 2未解决。例如回复11。";

    public const string SolvedQuestion = "感谢评价。请再回复一位数字：1 问题已解决，2 问题未解决。";

    public const string Help = "抱歉未能识别。请回复两位数字，例如11：第一位 1满意 2基本满意 3不满意；第二位 1已解决 2未解决。";

    public const string Thanks = "感谢您对12345热线工作的评价！";

    public const string NoSmsIntake = "【12345热线】本号码暂不受理短信诉求。反映问题、提出建议请拨打12345热线";

    /// <summary>The answer to an SMS that is no survey answer: how to submit a demand (by phone, or the web form when its public address is known).</summary>
    public static string HowToSubmit(string? citizenFormUrl) =>
        citizenFormUrl is null ? NoSmsIntake + "。" : $"{NoSmsIntake}，或在网上提交：{citizenFormUrl}";

    private static readonly HashSet<char> Separators = [' ', ',', '，', '、', '.', '。', ';', '；', '-', '/', '\t', '\r', '\n', '\u3000'];

    /// <summary>The digits of an answer, or null when it contains anything else.</summary>
    public static string? Digits(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = new StringBuilder();
        foreach (var c in text.Trim())
        {
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
            else if (c is >= '０' and <= '９')
            {
                digits.Append((char)('0' + (c - '０')));
            }
            else if (!Separators.Contains(c))
            {
                return null;
            }
        }

        return digits.Length == 0 ? null : digits.ToString();
    }

    public static bool IsSatisfaction(char digit) => digit is '1' or '2' or '3';

    public static bool IsSolved(char digit) => digit is '1' or '2';
}
