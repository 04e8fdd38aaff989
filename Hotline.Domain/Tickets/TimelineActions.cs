namespace Hotline.Domain.Tickets;

/// <summary>The names of timeline actions, as they travel in <c>timeline[].action</c>.</summary>
public static class TimelineActions
{
    public const string Registered = "Registered";
    public const string Imported = "Imported";
    public const string AnsweredOnSpot = "AnsweredOnSpot";
    public const string Dispatched = "Dispatched";
    public const string Accepted = "Accepted";
    public const string Contacted = "Contacted";
    public const string ReturnRequested = "ReturnRequested";
    public const string ReturnApproved = "ReturnApproved";
    public const string ReturnRejected = "ReturnRejected";
    public const string ExtensionRequested = "ExtensionRequested";
    public const string ExtensionApproved = "ExtensionApproved";
    public const string ExtensionRejected = "ExtensionRejected";
    public const string Replied = "Replied";
    public const string CallbackRecorded = "CallbackRecorded";
    public const string CallbackAttempted = "CallbackAttempted";
    public const string Reworked = "Reworked";
    public const string Urged = "Urged";
    public const string Reclassified = "Reclassified";
    public const string Merged = "Merged";
    public const string DuplicateMerged = "DuplicateMerged";
    public const string MarkedInvalid = "MarkedInvalid";
    public const string ClosedBySupervisor = "ClosedBySupervisor";
    public const string PhoneRevealed = "PhoneRevealed";
    public const string DeadlineWarning = "DeadlineWarning";
    public const string DeadlineOverdue = "DeadlineOverdue";
    public const string ReviewApproved = "ReviewApproved";
    public const string ReviewRejected = "ReviewRejected";
    public const string SuspensionRequested = "SuspensionRequested";
    public const string SuspensionApproved = "SuspensionApproved";
    public const string SuspensionRejected = "SuspensionRejected";
    public const string Resumed = "Resumed";
    public const string Split = "Split";
    public const string Instructed = "Instructed";
    public const string FlagSet = "FlagSet";
    public const string FlagCleared = "FlagCleared";
    public const string AssessmentRequested = "AssessmentRequested";
    public const string AppealFiled = "AppealFiled";
    public const string AppealUpheld = "AppealUpheld";
    public const string AppealRejected = "AppealRejected";
    public const string CallTransferred = "CallTransferred";
    public const string TransferredOut = "TransferredOut";
    public const string TransferAcknowledged = "TransferAcknowledged";
    public const string TransferStatusUpdated = "TransferStatusUpdated";
    public const string EmergencyHandedOver = "EmergencyHandedOver";
}
