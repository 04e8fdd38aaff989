namespace Hotline.Core.Features.Intelligence;

/// <summary>
/// When a newly trained model replaces the active one by itself: when there is none, when the active one cannot be
/// loaded, or when it scores at least as well (macro-F1) as the active one on the same held-out orders. Otherwise it
/// stays Ready and an Admin may still activate it.
/// </summary>
public static class ActivationRule
{
    public static (bool Activate, string Note) Decide(double candidateMacroF1, double? activeMacroF1OnSameTest, int? activeVersion)
    {
        if (activeVersion is null)
        {
            return (true, "没有在用的模型，新模型直接启用。");
        }

        if (activeMacroF1OnSameTest is not { } active)
        {
            return (true, $"在用模型 v{activeVersion} 无法加载，新模型直接启用。");
        }

        var (c, a) = (Math.Round(candidateMacroF1, 4), Math.Round(active, 4));
        return c >= a
            ? (true, $"同一测试集上宏 F1 {c:0.0000} ≥ 在用模型 v{activeVersion} 的 {a:0.0000}，已启用。")
            : (false, $"同一测试集上宏 F1 {c:0.0000} < 在用模型 v{activeVersion} 的 {a:0.0000}，未启用（管理员可手动启用）。");
    }
}
