namespace Hotline.Domain.Telephony;

/// <summary>The two questions of a survey, asked in this order: satisfaction (1 满意, 2 基本满意, 3 不满意), then solved (1 已解决, 2 未解决).</summary>
public enum SurveyQuestion { Satisfaction, Solved }
