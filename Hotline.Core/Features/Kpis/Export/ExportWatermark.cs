using Hotline.Core.Data;
using Hotline.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Kpis.Export;

/// <summary>
/// The line an export of personal data ends with (个人信息保护法: whoever holds a copy can be traced): who exported it,
/// when (China time), and that it is for official use only. It is the file's last row, after the data, so the header
/// stays the first line and a spreadsheet's filter and a CSV reader see the columns as before.
/// </summary>
public static class ExportWatermark
{
    public const string Prefix = "【导出水印】";

    /// <summary>The watermark of <paramref name="actor"/> at <paramref name="at"/>: "…导出人：王芳（agent）…".</summary>
    public static string Text(string displayName, string userName, DateTimeOffset at) =>
        $"{Prefix}本文件含个人信息，仅限工作使用，不得外传。导出人：{displayName}（{userName}），导出时间：{ChinaTime.ToChina(at):yyyy-MM-dd HH:mm}（北京时间）";

    /// <summary>The watermark with the actor's display name from the users table (the user name when it has none).</summary>
    public static async Task<string> ForAsync(HotlineDbContext db, Actor actor, DateTimeOffset at, CancellationToken ct)
    {
        var name = actor.UserId is { } id
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct)
            : null;
        return Text(string.IsNullOrWhiteSpace(name) ? actor.UserName : name, actor.UserName, at);
    }

    /// <summary>The table with <paramref name="watermark"/> as one more row after its data (first cell; the others empty).</summary>
    public static TableData Append(TableData table, string watermark) => table with { Rows = WithLastRow(table.Rows, table.Columns.Count, watermark) };

    private static async IAsyncEnumerable<IReadOnlyList<object?>> WithLastRow(
        IAsyncEnumerable<IReadOnlyList<object?>> rows, int width, string watermark, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return row;
        }

        var last = new object?[width];
        last[0] = watermark;
        yield return last;
    }
}
