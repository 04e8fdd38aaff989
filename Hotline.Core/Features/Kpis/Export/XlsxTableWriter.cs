using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Hotline.Core.Features.Kpis.Export;

/// <summary>
/// A minimal, valid Office Open XML workbook (one sheet, inline strings, a bold header row, rates as percentages)
/// written with System.IO.Compression: opens in Excel and LibreOffice with the Chinese intact.
/// </summary>
public static class XlsxTableWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const int HeaderStyle = 1;
    private const int RateStyle = 2;
    private const int DecimalStyle = 3;

    public static byte[] Write(TableData table)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
                """);
            Add(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            Add(zip, "xl/workbook.xml", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{Xml(SheetName(table.Title))}" sheetId="1" r:id="rId1"/></sheets></workbook>
                """);
            Add(zip, "xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
                """);
            Add(zip, "xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
                """);
            Add(zip, "xl/worksheets/sheet1.xml", Sheet(table));
        }

        return buffer.ToArray();
    }

    private static string Sheet(TableData table)
    {
        var xml = new StringBuilder();
        xml.Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""").Append('\n');
        xml.Append("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
        xml.Append("""<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>""");
        xml.Append("<cols>");
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var width = table.Columns[c].Kind == CellKind.Text ? 24 : 12;
            xml.Append(CultureInfo.InvariantCulture, $"""<col min="{c + 1}" max="{c + 1}" width="{width}" customWidth="1"/>""");
        }

        xml.Append("</cols><sheetData>");
        xml.Append("""<row r="1">""");
        for (var c = 0; c < table.Columns.Count; c++)
        {
            InlineString(xml, Reference(c, 1), table.Columns[c].Header, HeaderStyle);
        }

        xml.Append("</row>");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var rowNumber = r + 2;
            xml.Append(CultureInfo.InvariantCulture, $"""<row r="{rowNumber}">""");
            var row = table.Rows[r];
            for (var c = 0; c < row.Count; c++)
            {
                var reference = Reference(c, rowNumber);
                switch (row[c])
                {
                    case null:
                        break;
                    case int i:
                        xml.Append(CultureInfo.InvariantCulture, $"""<c r="{reference}"><v>{i}</v></c>""");
                        break;
                    case double d:
                        var style = table.Columns[c].Kind == CellKind.Rate ? RateStyle : DecimalStyle;
                        xml.Append(CultureInfo.InvariantCulture, $"""<c r="{reference}" s="{style}"><v>{d.ToString("R", CultureInfo.InvariantCulture)}</v></c>""");
                        break;
                    case DateOnly day:
                        InlineString(xml, reference, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 0);
                        break;
                    case DateTimeOffset at:
                        InlineString(xml, reference, at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), 0);
                        break;
                    case var other:
                        InlineString(xml, reference, Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty, 0);
                        break;
                }
            }

            xml.Append("</row>");
        }

        xml.Append("</sheetData></worksheet>");
        return xml.ToString();
    }

    private static void InlineString(StringBuilder xml, string reference, string text, int style)
    {
        var s = style == 0 ? string.Empty : $" s=\"{style}\"";
        xml.Append(CultureInfo.InvariantCulture, $"""<c r="{reference}" t="inlineStr"{s}><is><t xml:space="preserve">{Xml(text)}</t></is></c>""");
    }

    /// <summary>A1-style reference: column index 0 → A, 26 → AA.</summary>
    private static string Reference(int column, int row)
    {
        var name = string.Empty;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Sheet names: at most 31 characters, none of []:*?/\.</summary>
    private static string SheetName(string title)
    {
        var clean = new string(title.Select(ch => "[]:*?/\\".Contains(ch) ? '_' : ch).ToArray()).Trim('\'');
        return clean.Length == 0 ? "Sheet1" : clean[..Math.Min(31, clean.Length)];
    }

    /// <summary>XML-escapes and drops the control characters XML 1.0 cannot carry.</summary>
    private static string Xml(string text) =>
        SecurityElement.Escape(new string(text.Where(ch => ch is '\t' or '\n' or '\r' || ch >= ' ').ToArray()))!;

    private static void Add(ZipArchive zip, string path, string content)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
        using var stream = entry.Open();
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content.Trim());
        stream.Write(bytes);
    }
}
