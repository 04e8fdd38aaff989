using Hotline.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Common.Idempotency;

public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a key and its answer are kept: a retry later than this runs as a new request.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// A reservation whose request has not answered within this time is taken over by the next retry (the process
    /// that held it was stopped mid-request).
    /// </summary>
    public TimeSpan InProgressTimeout { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>What a request with an <c>Idempotency-Key</c> may do.</summary>
public abstract record IdempotencyDecision
{
    /// <summary>The key is this request's: run it, then <see cref="IdempotencyStore.CompleteAsync"/> or <see cref="IdempotencyStore.ReleaseAsync"/>.</summary>
    public sealed record Run : IdempotencyDecision;

    /// <summary>The same request already answered: send this answer again.</summary>
    public sealed record Replay(int StatusCode, string? ContentType, string? Location, byte[] Body) : IdempotencyDecision;

    /// <summary>The same request is still running elsewhere.</summary>
    public sealed record InProgress : IdempotencyDecision;

    /// <summary>The key was used for a different request.</summary>
    public sealed record Mismatch : IdempotencyDecision;
}

/// <summary>
/// The <see cref="IdempotentRequest"/> rows, each written on its own context (never in the write's transaction, so a
/// write that fails cannot take the reservation down with it, nor the reservation the write).
/// </summary>
public sealed class IdempotencyStore(IServiceScopeFactory scopes, TimeProvider time, IOptions<IdempotencyOptions> options)
{
    public async Task<IdempotencyDecision> ReserveAsync(string scope, string key, string requestHash, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var services = scopes.CreateAsyncScope();
            var db = services.ServiceProvider.GetRequiredService<HotlineDbContext>();
            var existing = await db.IdempotentRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, ct);
            if (existing is null)
            {
                db.IdempotentRequests.Add(new IdempotentRequest { Scope = scope, Key = key, RequestHash = requestHash, CreatedAt = now });
                try
                {
                    await db.SaveChangesAsync(ct);
                    return new IdempotencyDecision.Run();
                }
                catch (DbUpdateException)
                {
                    // Another request reserved the key between the read and the insert: read what it holds.
                    continue;
                }
            }

            if (!string.Equals(existing.RequestHash, requestHash, StringComparison.Ordinal))
            {
                return new IdempotencyDecision.Mismatch();
            }

            if (existing.StatusCode is { } status)
            {
                return new IdempotencyDecision.Replay(status, existing.ContentType, existing.Location, existing.Body ?? []);
            }

            if (now - existing.CreatedAt < options.Value.InProgressTimeout)
            {
                return new IdempotencyDecision.InProgress();
            }

            // The process that reserved it stopped before answering: the first retry to move the reservation takes it over.
            var taken = await db.IdempotentRequests
                .Where(r => r.Scope == scope && r.Key == key && r.StatusCode == null && r.CreatedAt == existing.CreatedAt)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedAt, now), ct);
            return taken == 1 ? new IdempotencyDecision.Run() : new IdempotencyDecision.InProgress();
        }

        return new IdempotencyDecision.InProgress();
    }

    /// <summary>Keeps the answer for retries with the same key.</summary>
    public async Task CompleteAsync(string scope, string key, int statusCode, string? contentType, string? location, byte[] body, CancellationToken ct)
    {
        await using var services = scopes.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var now = time.GetUtcNow();
        await db.IdempotentRequests.Where(r => r.Scope == scope && r.Key == key)
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.StatusCode, statusCode)
                .SetProperty(r => r.ContentType, contentType)
                .SetProperty(r => r.Location, location)
                .SetProperty(r => r.Body, body)
                .SetProperty(r => r.CompletedAt, now), ct);
    }

    /// <summary>Frees the key of a request that changed nothing (refused or failed): a retry runs it again.</summary>
    public async Task ReleaseAsync(string scope, string key, CancellationToken ct)
    {
        await using var services = scopes.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<HotlineDbContext>();
        await db.IdempotentRequests.Where(r => r.Scope == scope && r.Key == key && r.StatusCode == null).ExecuteDeleteAsync(ct);
    }
}

/// <summary>Deletes the keys older than <see cref="IdempotencyOptions.Retention"/>. Idempotent.</summary>
public sealed record ForgetExpiredIdempotencyKeys : IRequest<int>;

public sealed class ForgetExpiredIdempotencyKeysHandler(HotlineDbContext db, TimeProvider time, IOptions<IdempotencyOptions> options)
    : IRequestHandler<ForgetExpiredIdempotencyKeys, int>
{
    public Task<int> Handle(ForgetExpiredIdempotencyKeys request, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - options.Value.Retention;
        return db.IdempotentRequests.Where(r => r.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
