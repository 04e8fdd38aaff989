using System.Data.Common;
using Hotline.Core.Data;
using Hotline.Core.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hotline.Core.Features.Tickets;

/// <summary>
/// Hands out order numbers: the China-time date and a 6-digit daily sequence (20261123000042). The counter
/// row is incremented with one atomic upsert inside the caller's transaction, so concurrent registrations
/// queue on that row, a rolled-back registration gives its number back, and numbers have no gaps.
/// </summary>
public static class TicketNumberAllocator
{
    public static async Task<string> NextAsync(HotlineDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var day = ChinaTime.ToChina(now).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Order numbers are allocated inside the registering transaction.");

        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = db.Database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.SqlServer" => """
                MERGE [DailySequences] WITH (HOLDLOCK) AS t
                USING (SELECT @day AS [Day]) AS s ON t.[Day] = s.[Day]
                WHEN MATCHED THEN UPDATE SET t.[Last] = t.[Last] + 1
                WHEN NOT MATCHED THEN INSERT ([Day], [Last]) VALUES (s.[Day], 1)
                OUTPUT inserted.[Last];
                """,
            _ => """
                INSERT INTO "DailySequences" ("Day", "Last") VALUES (@day, 1)
                ON CONFLICT ("Day") DO UPDATE SET "Last" = "DailySequences"."Last" + 1
                RETURNING "Last";
                """,
        };
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@day";
        parameter.Value = day;
        command.Parameters.Add(parameter);

        var last = Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        if (last > 999_999)
        {
            throw new DomainException("今日工单编号已用尽。");
        }

        return $"{day}{last:D6}";
    }
}
