namespace Hotline.Contracts.Audit;

/// <summary>The actions the audit trail records (docs/privacy.md), with their Chinese names for the console and exports.</summary>
public static class AuditActions
{
    public const string SignIn = "auth.sign-in";
    public const string SignInFailed = "auth.sign-in-failed";
    public const string SignInThrottled = "auth.sign-in-throttled";
    public const string SessionEnded = "auth.session-ended";
    public const string TwoFactorEnabled = "auth.2fa-enabled";
    public const string TwoFactorReset = "auth.2fa-reset";
    public const string PasswordChanged = "auth.password-changed";

    public const string UserCreated = "user.created";
    public const string UserChanged = "user.changed";

    public const string UnitSaved = "unit.saved";
    public const string UnitDeleted = "unit.deleted";
    public const string RegionSaved = "region.saved";
    public const string CategorySaved = "category.saved";
    public const string DispatchRuleSaved = "dispatch-rule.saved";
    public const string DispatchRuleDeleted = "dispatch-rule.deleted";
    public const string SlaSaved = "sla.saved";
    public const string ReviewRulesSaved = "review-rules.saved";
    public const string CalendarSaved = "calendar.saved";
    public const string AppealPolicySaved = "appeal-policy.saved";
    public const string CallbackScriptSaved = "callback-script.saved";
    public const string TemplateSaved = "template.saved";
    public const string Open311KeyIssued = "open311-key.issued";
    public const string Open311KeyRevoked = "open311-key.revoked";
    public const string UnitClientIssued = "unit-client.issued";
    public const string UnitClientRotated = "unit-client.rotated";
    public const string UnitClientRevoked = "unit-client.revoked";
    public const string ClientTokenIssued = "auth.client-token";
    public const string ClientTokenRefused = "auth.client-token-refused";
    public const string WebhookCreated = "webhook.created";
    public const string WebhookChanged = "webhook.changed";
    public const string WebhookDeleted = "webhook.deleted";
    public const string WebhookRedelivered = "webhook.redelivered";
    public const string PeerCreated = "peer.created";
    public const string PeerChanged = "peer.changed";
    public const string PeerRedelivered = "peer.redelivered";
    public const string HistoryImported = "history.imported";
    public const string CategoryModelTrained = "category-model.training-started";
    public const string CategoryModelActivated = "category-model.activated";
    public const string KpisRebuilt = "kpis.rebuilt";

    public const string TicketViewed = "ticket.viewed";
    public const string PhoneRevealed = "ticket.phone-revealed";
    public const string TicketsExported = "tickets.exported";
    public const string AttachmentDownloaded = "attachment.downloaded";
    public const string RecordingPlayed = "call.recording-played";
    public const string QaChecklistSaved = "qa-checklist.saved";
    public const string AttachmentHidden = "attachment.hidden";
    public const string AttachmentUnhidden = "attachment.unhidden";
    public const string AttachmentBlurred = "attachment.blurred";
    public const string AttachmentOriginalDownloaded = "attachment.original-downloaded";
    public const string AuditExported = "audit.exported";
    public const string CitizenAnonymised = "citizen.anonymised";
    public const string RetentionRun = "privacy.retention-run";
    public const string PriorityCallerSet = "priority-caller.set";
    public const string PriorityCallerCleared = "priority-caller.cleared";
    public const string PriorityCallersImported = "priority-callers.imported";
    public const string FlaggedCallerSaved = "flagged-caller.saved";
    public const string FlaggedCallerRemoved = "flagged-caller.removed";
    public const string AgentSeatGroupsSaved = "agent-seat-groups.saved";

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [SignIn] = "登录",
        [SignInFailed] = "登录失败",
        [SignInThrottled] = "登录被限制",
        [SessionEnded] = "结束登录会话",
        [TwoFactorEnabled] = "启用两步验证",
        [TwoFactorReset] = "重置两步验证",
        [PasswordChanged] = "修改本人密码",
        [UserCreated] = "新建账号",
        [UserChanged] = "修改账号",
        [UnitSaved] = "保存承办单位",
        [UnitDeleted] = "删除承办单位",
        [RegionSaved] = "保存区县街道",
        [CategorySaved] = "保存诉求分类",
        [DispatchRuleSaved] = "保存派单目录规则",
        [DispatchRuleDeleted] = "删除派单目录规则",
        [SlaSaved] = "修改办理时限",
        [ReviewRulesSaved] = "修改办结审核规则",
        [CalendarSaved] = "导入法定节假日",
        [AppealPolicySaved] = "修改申诉期限",
        [CallbackScriptSaved] = "修改回访话术",
        [TemplateSaved] = "保存常用语或模板",
        [Open311KeyIssued] = "签发接口密钥",
        [Open311KeyRevoked] = "吊销接口密钥",
        [UnitClientIssued] = "签发单位系统凭据",
        [UnitClientRotated] = "更换单位系统密钥",
        [UnitClientRevoked] = "吊销单位系统凭据",
        [ClientTokenIssued] = "单位系统取得令牌",
        [ClientTokenRefused] = "单位系统取令牌被拒",
        [WebhookCreated] = "新增事件订阅",
        [WebhookChanged] = "修改事件订阅",
        [WebhookDeleted] = "删除事件订阅",
        [WebhookRedelivered] = "重新投递事件",
        [PeerCreated] = "新增对接平台",
        [PeerChanged] = "修改对接平台",
        [PeerRedelivered] = "重新投递对接平台消息",
        [HistoryImported] = "导入历史工单",
        [CategoryModelTrained] = "训练分类模型",
        [CategoryModelActivated] = "启用分类模型",
        [KpisRebuilt] = "重算考核数据",
        [TicketViewed] = "承办单位查看工单",
        [PhoneRevealed] = "查看市民完整电话",
        [TicketsExported] = "导出工单",
        [AttachmentDownloaded] = "下载附件",
        [RecordingPlayed] = "播放通话录音",
        [QaChecklistSaved] = "修改质检评分表",
        [AttachmentHidden] = "屏蔽附件",
        [AttachmentUnhidden] = "取消屏蔽附件",
        [AttachmentBlurred] = "打码替换附件",
        [AttachmentOriginalDownloaded] = "查看打码前原图",
        [AuditExported] = "导出审计日志",
        [CitizenAnonymised] = "按申请删除市民个人信息",
        [RetentionRun] = "保留期满脱敏",
        [PriorityCallerSet] = "设置优先来电人",
        [PriorityCallerCleared] = "取消优先来电人",
        [PriorityCallersImported] = "导入优先来电人",
        [FlaggedCallerSaved] = "标记恶意来电",
        [FlaggedCallerRemoved] = "取消恶意来电标记",
        [AgentSeatGroupsSaved] = "设置话务员专席",
    };

    /// <summary>Every action, in the order above, for the console's filter.</summary>
    public static IReadOnlyCollection<string> All => Names.Keys;

    public static string NameOf(string action) => Names.GetValueOrDefault(action, action);
}

public sealed record AuditEntryDto(
    long Id,
    DateTimeOffset At,
    Guid? ActorUserId,
    string ActorName,
    string? Address,
    string Action,
    string ActionName,
    string? TargetType,
    string? TargetId,
    Guid? TicketId,
    string Summary,
    string? Changes,
    long? ChainIndex);

/// <summary>
/// The result of walking the hash chain: valid when every sealed entry's hash matches its fields and its predecessor,
/// the indexes run 1..n without a gap and the head names the last one. Pending entries are not yet sealed (the sealer
/// runs every minute).
/// </summary>
public sealed record AuditVerificationDto(bool Valid, long Sealed, long Pending, long HeadIndex, string HeadHash, AuditChainProblem? Problem);

public sealed record AuditChainProblem(long ChainIndex, long? EntryId, string Reason);
