using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Domain.Telephony;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Calls.MissedCalls;

/// <summary>
/// Turns a missed call into a callback task (漏接回拨), once: the call is claimed with a conditional update
/// (<c>MissedCallId IS NULL</c>) in the same transaction that opens the number's task or folds the call into its open
/// one, so a replayed or parallel webhook adds nothing. Two missed calls of one number at once: the unique open phone
/// lets one open the task and the other, retried, folds into it. Anonymous callers (no number) cannot be called back.
/// </summary>
public static class MissedCallLog
{
    private const int Attempts = 4;

    public static async Task RecordAsync(HotlineDbContext db, Guid callId, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct);
            if (call is null || call.MissedCallId is not null || !call.IsMissed || PhoneNumbers.Normalize(call.From) is not { } phone)
            {
                return;
            }

            var reason = call.AfterHours ? MissedCallReason.AfterHours : MissedCallReason.Abandoned;
            var at = call.AfterHours ? call.StartedAt : call.EndedAt ?? now;
            var wait = call.AfterHours ? 0 : (int)Math.Round((at - call.StartedAt).TotalSeconds);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var task = await db.MissedCalls.FirstOrDefaultAsync(m => m.OpenPhone == phone, ct);
                var taskId = task?.Id ?? Guid.NewGuid();
                var claimed = await db.Calls
                    .Where(c => c.Id == callId && c.MissedCallId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.MissedCallId, taskId), ct);
                if (claimed == 0)
                {
                    return;
                }

                if (task is null)
                {
                    db.MissedCalls.Add(MissedCall.Open(phone, reason, at, wait, taskId));
                }
                else
                {
                    task.Fold(reason, at, wait);
                }

                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return;
            }
            catch (Exception ex) when (attempt < Attempts && (ex is DbUpdateException || TransientFailures.IsTransient(ex)))
            {
                // Another miss of the same number opened or changed its task meanwhile: read it again and fold.
                db.ChangeTracker.Clear();
            }
        }
    }

    public static MissedCallDto ToDto(this MissedCall m) =>
        new(m.Id, m.Phone, m.Reason, m.Misses, m.FirstMissedAt, m.LastMissedAt, m.LongestWaitSeconds, m.LastWaitSeconds, m.Status,
            m.AgentId, m.CallbackSid, m.CallbackStartedAt, m.Attempts, m.Outcome, m.Note, m.CompletedAt);
}
