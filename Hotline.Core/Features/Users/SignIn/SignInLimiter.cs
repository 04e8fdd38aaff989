using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Hotline.Core.Data;
using Hotline.Core.Features.Observability;
using Hotline.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Users.SignIn;

/// <summary>
/// Per-account and per-address limits on failed sign-ins, kept in the database so that every API node applies the same
/// count. Each failure is one atomic increment; the wait it earns is written as <see cref="SignInFailure.BlockedUntil"/>,
/// and any attempt before that instant is refused without checking the password (so a correct password does not help
/// during a lockout). Attempts that run at the same moment are checked before either failure is recorded, so a burst
/// of parallel guesses can pass the gate together once; every one of them still counts.
/// </summary>
public sealed class SignInLimiter(HotlineDbContext db, TimeProvider clock, IOptions<SignInLimitOptions> options, HotlineMetrics metrics)
{
    private const int MaxUserNameLength = 64;

    private readonly SignInLimitOptions _options = options.Value;

    /// <summary>The keys an attempt counts against: the account (when the name is one a user could have) and the client address.</summary>
    public static IReadOnlyList<string> KeysOf(string? userName, string? address)
    {
        var keys = new List<string>(2);
        if (!string.IsNullOrWhiteSpace(userName) && userName.Length <= MaxUserNameLength && !userName.Any(char.IsControl))
        {
            // Lower-cased: SQL Server's usual collation matches names case-insensitively, so "Admin" must count against "admin".
            keys.Add("user:" + userName.Trim().ToLowerInvariant());
        }

        if (AddressKey(address) is { } addressKey)
        {
            keys.Add(addressKey);
        }

        return keys;
    }

    /// <summary>Throws <see cref="SignInThrottledException"/> while any of the keys must wait.</summary>
    public async Task EnsureAllowedAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var blocked = await db.Set<SignInFailure>().AsNoTracking()
            .Where(f => keys.Contains(f.Key) && f.BlockedUntil > now)
            .ToListAsync(ct);
        if (blocked.Count == 0)
        {
            return;
        }

        var longest = blocked.MaxBy(f => f.BlockedUntil)!;
        var until = longest.BlockedUntil!.Value;
        metrics.SignInFailures.Add(1, new KeyValuePair<string, object?>("reason", "throttled"));
        throw new SignInThrottledException(until - now, Message(longest, until, now));
    }

    /// <summary>Counts a failed sign-in against every key and writes the wait it earns.</summary>
    public async Task RecordFailureAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        metrics.SignInFailures.Add(1, new KeyValuePair<string, object?>("reason", "credentials"));
        var now = clock.GetUtcNow();
        var failures = db.Set<SignInFailure>();

        // Counts nobody has added to for longer than a lockout can last tell nothing any more.
        var stale = now - _options.Window - _options.Lockout;
        await failures.Where(f => f.LastFailureAt < stale).ExecuteDeleteAsync(ct);

        foreach (var key in keys)
        {
            var count = await IncrementAsync(key, now, ct);
            var (free, lockoutAt) = key.StartsWith("user:", StringComparison.Ordinal)
                ? (_options.AccountFreeFailures, _options.AccountLockoutFailures)
                : (_options.AddressFreeFailures, _options.AddressLockoutFailures);
            if (WaitAfter(count, free, lockoutAt) is not { } wait)
            {
                continue;
            }

            if (count == lockoutAt)
            {
                metrics.SignInLockouts.Add(1, new KeyValuePair<string, object?>("scope", key.StartsWith("user:", StringComparison.Ordinal) ? "account" : "address"));
            }

            var until = now + wait;
            await failures.Where(f => f.Key == key && (f.BlockedUntil == null || f.BlockedUntil < until))
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.BlockedUntil, until), ct);
        }
    }

    /// <summary>A successful sign-in clears the account's count. The address keeps its own (one good account must not clear a spray from it).</summary>
    public Task RecordSuccessAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        var accounts = keys.Where(k => k.StartsWith("user:", StringComparison.Ordinal)).ToList();
        return accounts.Count == 0 ? Task.CompletedTask : db.Set<SignInFailure>().Where(f => accounts.Contains(f.Key)).ExecuteDeleteAsync(ct);
    }

    /// <summary>The wait after the <paramref name="failures"/>th failure: none while free, then doubling from FirstDelay, then the lockout.</summary>
    public TimeSpan? WaitAfter(int failures, int free, int lockoutAt)
    {
        if (failures >= lockoutAt)
        {
            return _options.Lockout;
        }

        if (failures < free)
        {
            return null;
        }

        var doublings = Math.Min(failures - free, 30);
        var wait = _options.FirstDelay * Math.Pow(2, doublings);
        return wait < _options.Lockout ? wait : _options.Lockout;
    }

    private async Task<int> IncrementAsync(string key, DateTimeOffset now, CancellationToken ct)
    {
        var failures = db.Set<SignInFailure>();
        var windowStart = now - _options.Window;
        for (var attempt = 0; ; attempt++)
        {
            var counted = await failures.Where(f => f.Key == key && f.LastFailureAt >= windowStart)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Failures, f => f.Failures + 1).SetProperty(f => f.LastFailureAt, now), ct);
            if (counted == 0)
            {
                // A quiet spell: the count starts again (only if no other node counted meanwhile).
                counted = await failures.Where(f => f.Key == key && f.LastFailureAt < windowStart)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.Failures, 1).SetProperty(f => f.LastFailureAt, now).SetProperty(f => f.BlockedUntil, (DateTimeOffset?)null), ct);
            }

            if (counted == 0)
            {
                var row = new SignInFailure { Key = key, Failures = 1, LastFailureAt = now };
                failures.Add(row);
                try
                {
                    await db.SaveChangesAsync(ct);
                    return 1;
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    // Another node inserted the same key first: count on its row.
                    db.Entry(row).State = EntityState.Detached;
                    continue;
                }
            }

            return await failures.AsNoTracking().Where(f => f.Key == key).Select(f => f.Failures).FirstAsync(ct);
        }
    }

    private string Message(SignInFailure blocked, DateTimeOffset until, DateTimeOffset now)
    {
        var account = blocked.Key.StartsWith("user:", StringComparison.Ordinal);
        var lockoutAt = account ? _options.AccountLockoutFailures : _options.AddressLockoutFailures;
        var who = account ? "该账号" : "您所在网络地址";
        if (blocked.Failures >= lockoutAt)
        {
            var local = ChinaTime.ToChina(until).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            return $"{who}登录失败次数过多，已临时锁定，请于 {local}（北京时间）后重试；如忘记密码请联系管理员。";
        }

        var seconds = Math.Max(1, (int)Math.Ceiling((until - now).TotalSeconds));
        return $"{who}登录失败次数较多，请 {seconds} 秒后重试。";
    }

    /// <summary>An IPv4 address as it is; an IPv6 address by its /64 network, which one client usually holds whole.</summary>
    private static string? AddressKey(string? address)
    {
        if (!IPAddress.TryParse(address, out var ip))
        {
            return null;
        }

        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = ip.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return "addr:" + new IPAddress(bytes) + "/64";
        }

        return "addr:" + ip;
    }
}
