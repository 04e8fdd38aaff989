using Hotline.Contracts.Telephony;

namespace Hotline.Contracts.Callbacks;

/// <summary>A 不满意原因 chosen when the citizen is dissatisfied.</summary>
public sealed record DissatisfactionReasonDto(string Code, string Name);

/// <summary>The 回访话术 for one order type; <c>UpdatedBy</c> the login of its last editor (null: as seeded), <c>UpdatedByName</c> their name.</summary>
public sealed record CallbackScriptDto(TicketType Type, string Body, DateTimeOffset UpdatedAt, string? UpdatedBy, string? UpdatedByName);

/// <summary>What the callback desk needs besides the queue: whether 拨打 works, the attempts allowed, the reasons and the scripts.</summary>
public sealed record CallbackDeskDto(bool CanDial, int MaxAttempts, IReadOnlyList<DissatisfactionReasonDto> Reasons, IReadOnlyList<CallbackScriptDto> Scripts);

public sealed record SaveCallbackScriptRequest(string? Body);

/// <summary>How an automated survey asks: the survey SMS or the keypad call.</summary>
public enum SurveyChannel { Sms, Keypad }

/// <summary>An automated survey under way: <c>Stage</c> Scheduled, SmsSent, SmsAwaitingSolved or CallPlaced; <c>NextAt</c> when the sweep acts next.</summary>
public sealed record SurveyInProgressDto(Guid TicketId, string Number, string Stage, SurveyChannel Channel, DateTimeOffset? SentAt, int Attempts, DateTimeOffset? NextAt);

/// <summary>An order waiting for another callback call after unreached ones.</summary>
public sealed record CallbackRetryDto(Guid TicketId, string Number, int Attempts, ContactFailure? LastFailure, DateTimeOffset RetryAt);

/// <summary>Dissatisfied callbacks in a period by reason and lead unit.</summary>
public sealed record DissatisfactionCountDto(string ReasonCode, string ReasonName, Guid? UnitId, int Count);

public sealed record CallbackDialResponse(CallBridge Bridge, string Message);
