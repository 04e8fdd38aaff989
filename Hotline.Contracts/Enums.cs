namespace Hotline.Contracts;

/// <summary>Where an order is in its life (domain.md, "The life of an order").</summary>
public enum TicketStatus { Registered, Dispatched, Accepted, ReturnRequested, Replied, Closed }

/// <summary>TransferredOut: handed over to another hotline (跨平台转办); counted in no rate, like Duplicate and Invalid.</summary>
public enum CloseReason { Answered, CallbackDone, Duplicate, Invalid, ClosedBySupervisor, Imported, Split, TransferredOut }

/// <summary>A supervisor's mark on an order: 疑难 (hard to handle) or 典型 (a typical case, for training and publicity).</summary>
public enum TicketFlag { Hard, Typical }

/// <summary>Transfer: an order handed over by another hotline (转办), registered by the exchange only.</summary>
public enum Channel { Phone, Web, Open311, Sms, Transfer }

/// <summary>咨询 求助 投诉 举报 建议 表扬.</summary>
public enum TicketType { Consultation, HelpRequest, Complaint, Report, Suggestion, Praise }

/// <summary>The urgency tier, which is also the SLA tier.</summary>
public enum Urgency { Emergency, Urgent, Normal, Complex }

/// <summary>回访结果: 满意 基本满意 不满意 联系不上.</summary>
public enum CallbackOutcome { Satisfied, BasicallySatisfied, Dissatisfied, Unreachable }

/// <summary>Why a callback call did not reach the citizen: 无人接听 关机 拒接 空号（号码错误）.</summary>
public enum ContactFailure { NoAnswer, PoweredOff, Declined, WrongNumber }

/// <summary>When an unreached citizen is called again: two hours later (within the calling hours) or the next working day at 09:00.</summary>
public enum CallbackRetry { InTwoHours, NextWorkingDay }

public enum UnitKind { CityDepartment, DistrictGovernment, StreetOffice, PublicService, Center }

public enum LimitUnit { Minutes, Hours, WorkingDays }

public enum DeadlineStage { Accept, Contact, Reply }

public enum CalendarDayKind { Holiday, Workday }

/// <summary>How a unit takes part in an order besides leading it.</summary>
public enum ParticipantRole { Assisting, Copied }

/// <summary>预警 (a share of the allowed time has passed) or 超期 (the deadline has passed).</summary>
public enum AlertKind { Warning, Overdue }

/// <summary>办结审核 of a reply: not required by the review rules, waiting for a supervisor, approved, or sent back.</summary>
public enum ReviewStatus { NotRequired, Pending, Approved, Rejected }

/// <summary>挂起: no request, a request waiting for a supervisor, clocks stopped, request refused, or clocks running again.</summary>
public enum SuspensionStatus { None, Pending, Suspended, Rejected, Resumed }

/// <summary>申诉: which verdict the lead unit contests, the callback's (满意/解决) or the overdue one (超期).</summary>
public enum AppealKind { Callback, Overdue }

/// <summary>申诉: waiting for a supervisor, upheld (the verdict is exempted from the unit's rates) or rejected.</summary>
public enum AppealStatus { Pending, Upheld, Rejected }
