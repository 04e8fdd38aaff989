using Hotline.Contracts;

namespace Hotline.Domain.Calendar;

/// <summary>One limit of an SLA policy: clock minutes or hours (around the clock) or statutory working days.</summary>
public sealed record SlaLimit(int Value, LimitUnit Unit)
{
    public override string ToString() => Unit switch
    {
        LimitUnit.Minutes => $"{Value} 分钟",
        LimitUnit.Hours => $"{Value} 小时",
        _ => $"{Value} 个工作日",
    };
}
