using Hotline.Domain.Calendar;
using Hotline.Domain.Common;
using Hotline.Domain.Reference;
using Hotline.Domain.Tickets;
using Hotline.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hotline.Core.Data;

public sealed class HotlineDbContext(DbContextOptions<HotlineDbContext> options) : DbContext(options)
{
    private readonly List<IDomainEvent> _committedEvents = [];

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<TimelineEntry> TimelineEntries => Set<TimelineEntry>();

    public DbSet<TicketChange> TicketChanges => Set<TicketChange>();

    public DbSet<TicketAlert> TicketAlerts => Set<TicketAlert>();

    public DbSet<TicketInstruction> TicketInstructions => Set<TicketInstruction>();

    public DbSet<TicketAppeal> TicketAppeals => Set<TicketAppeal>();

    public DbSet<AppealPolicy> AppealPolicies => Set<AppealPolicy>();

    public DbSet<DailySequence> DailySequences => Set<DailySequence>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<District> Districts => Set<District>();

    public DbSet<Street> Streets => Set<Street>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<DispatchRule> DispatchRules => Set<DispatchRule>();

    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();

    public DbSet<ReviewRule> ReviewRules => Set<ReviewRule>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<User> Users => Set<User>();

    public DbSet<Domain.Citizens.CitizenSubmission> CitizenSubmissions => Set<Domain.Citizens.CitizenSubmission>();

    public DbSet<Domain.Citizens.Open311Client> Open311Clients => Set<Domain.Citizens.Open311Client>();

    public DbSet<Domain.Telephony.Call> Calls => Set<Domain.Telephony.Call>();

    public DbSet<Domain.Telephony.CallTransfer> CallTransfers => Set<Domain.Telephony.CallTransfer>();

    public DbSet<Domain.Quality.QaChecklistItem> QaChecklistItems => Set<Domain.Quality.QaChecklistItem>();

    public DbSet<Domain.Quality.QaReview> QaReviews => Set<Domain.Quality.QaReview>();

    public DbSet<Domain.Telephony.AgentPresence> AgentPresences => Set<Domain.Telephony.AgentPresence>();

    public DbSet<Domain.Telephony.AgentStateChange> AgentStateChanges => Set<Domain.Telephony.AgentStateChange>();

    public DbSet<Domain.Telephony.CallbackSurvey> CallbackSurveys => Set<Domain.Telephony.CallbackSurvey>();

    public DbSet<Domain.Callbacks.CallbackReason> CallbackReasons => Set<Domain.Callbacks.CallbackReason>();

    public DbSet<Domain.Callbacks.CallbackScript> CallbackScripts => Set<Domain.Callbacks.CallbackScript>();

    /// <summary>常用语, 工单模板 and 答复模板 (one table, by kind).</summary>
    public DbSet<Domain.Templates.TextTemplate> TextTemplates => Set<Domain.Templates.TextTemplate>();

    public DbSet<Domain.Telephony.SurveyMessage> SurveyMessages => Set<Domain.Telephony.SurveyMessage>();

    public DbSet<Domain.Telephony.MissedCall> MissedCalls => Set<Domain.Telephony.MissedCall>();

    public DbSet<Domain.Telephony.PriorityCaller> PriorityCallers => Set<Domain.Telephony.PriorityCaller>();

    public DbSet<Domain.Telephony.FlaggedCaller> FlaggedCallers => Set<Domain.Telephony.FlaggedCaller>();

    public DbSet<Domain.Telephony.AgentSeatGroup> AgentSeatGroups => Set<Domain.Telephony.AgentSeatGroup>();

    public DbSet<Domain.Telephony.MissedCallAttempt> MissedCallAttempts => Set<Domain.Telephony.MissedCallAttempt>();

    public DbSet<TicketAttachment> TicketAttachments => Set<TicketAttachment>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Features.Webhooks.WebhookSubscription> WebhookSubscriptions => Set<Features.Webhooks.WebhookSubscription>();

    /// <summary>The webhook outbox (docs/integration.md), written with the change log.</summary>
    public DbSet<Features.Webhooks.WebhookDelivery> WebhookDeliveries => Set<Features.Webhooks.WebhookDelivery>();

    public DbSet<Features.Exchange.PeerPlatform> PeerPlatforms => Set<Features.Exchange.PeerPlatform>();

    /// <summary>The exchange's outbox (transfers, status updates, hand-over records), written with the order's change.</summary>
    public DbSet<Features.Exchange.PeerMessage> PeerMessages => Set<Features.Exchange.PeerMessage>();

    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    public DbSet<UnitClient> UnitClients => Set<UnitClient>();

    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

    /// <summary>
    /// Domain events of changes that have been saved. The pipeline publishes them once the handler
    /// (and with it any explicit transaction) has finished, so nothing is pushed for a rolled-back change.
    /// </summary>
    public IReadOnlyList<IDomainEvent> TakeCommittedEvents()
    {
        var events = _committedEvents.ToArray();
        _committedEvents.Clear();
        return events;
    }

    /// <summary>How many saves succeeded on this context: a retry must not repeat an attempt that may have committed.</summary>
    public int SaveCount { get; private set; }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Changes are detected once here. Left on, EF would scan every tracked entity again for each look at the
        // entries (here and in the counts interceptor) and once more inside the save: four passes over a
        // 500-order sweep batch instead of one. Nothing below changes a tracked entity; it only adds new ones.
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        if (autoDetect)
        {
            ChangeTracker.DetectChanges();
        }

        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveDetectedChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<int> SaveDetectedChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        DescribeAuditedChanges();

        var changed = ChangeTracker.Entries<Ticket>()
            .Where(e => e.Entity.DomainEvents.Count > 0)
            .Select(e => e.Entity)
            .ToList();

        // Other aggregates (a call) raise events too, without a change-log row.
        var others = ChangeTracker.Entries<AggregateRoot>()
            .Where(e => e.Entity is not Ticket && e.Entity.DomainEvents.Count > 0)
            .Select(e => e.Entity)
            .ToList();

        var changes = new List<(Ticket Ticket, TicketChange Change)>();
        foreach (var ticket in changed)
        {
            var unitIds = ticket.Participants.Select(p => p.UnitId).Prepend(ticket.LeadUnitId ?? Guid.Empty).Where(u => u != Guid.Empty).Distinct();
            var change = new TicketChange
            {
                TicketId = ticket.Id,
                Number = ticket.Number,
                Status = ticket.Status,
                Version = ticket.Version,
                Events = string.Join(',', ticket.DomainEvents.Select(e => e.GetType().Name).Distinct()),
                LeadUnitId = ticket.LeadUnitId,
                UnitIds = string.Join(',', unitIds),
                At = ticket.UpdatedAt,
            };
            TicketChanges.Add(change);
            changes.Add((ticket, change));
        }

        if (changes.Count > 0)
        {
            await Features.Webhooks.WebhookOutbox.AddAsync(this, changes, cancellationToken);
            Features.Exchange.PeerOutbox.AddStatusUpdates(this, changes);
        }

        var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        SaveCount++;

        // Without an open transaction the save was the commit: stamp it now (the wall clock, for commit → client
        // latency). Inside one, DomainEventsBehavior stamps the events once the handler, and so its commit, returned.
        DateTimeOffset? committedAt = Database.CurrentTransaction is null ? DateTimeOffset.UtcNow : null;

        foreach (var (ticket, change) in changes)
        {
            _committedEvents.AddRange(ticket.TakeDomainEvents());
            _committedEvents.Add(new TicketChangeSaved(change.Sequence, change.TicketId, change.Number, change.Status, change.Version, change.LeadUnitId, change.UnitIds, change.Events, change.At, committedAt));
        }

        foreach (var aggregate in others)
        {
            _committedEvents.AddRange(aggregate.TakeDomainEvents());
        }

        return result;
    }

    /// <summary>
    /// The audit trail is append-only: an entry is never deleted and, once written, only the sealer may give it its
    /// place in the chain. An entry waiting in this save gets the description of the records the save writes.
    /// </summary>
    private void DescribeAuditedChanges()
    {
        List<AuditEntry>? pending = null;
        foreach (var entry in ChangeTracker.Entries<AuditEntry>())
        {
            switch (entry.State)
            {
                case EntityState.Deleted:
                    throw new InvalidOperationException("The audit trail is append-only: an entry cannot be deleted.");
                case EntityState.Modified when entry.OriginalValues.GetValue<long?>(nameof(AuditEntry.ChainIndex)) is not null
                    || entry.Properties.Any(p => p.IsModified && p.Metadata.Name is not (nameof(AuditEntry.ChainIndex) or nameof(AuditEntry.Hash))):
                    throw new InvalidOperationException("The audit trail is append-only: only the sealer may write an entry's place in the chain, once.");
                case EntityState.Added when entry.Entity.CapturesChanges && entry.Entity.Changes is null:
                    (pending ??= []).Add(entry.Entity);
                    break;
            }
        }

        if (pending is null)
        {
            return;
        }

        var written = Features.Audit.AuditChanges.Written(ChangeTracker);
        var changes = Features.Audit.AuditChanges.Describe(written, out var firstKey);
        foreach (var audit in pending)
        {
            audit.Changes = changes;
            audit.TargetId ??= firstKey;
            audit.TargetType ??= written.Count > 0 ? written[0].Metadata.ClrType.Name : null;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: the change log and domain events are written there.");

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HotlineDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-with-offset type and EF cannot compare or order DateTimeOffset stored as
        // text; every instant is UTC, so a long that orders like the instant is exact and indexable.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
