using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using Hotline.Core.Features.Kpis.Export;
using MiniExcelLibs;
using Shouldly;

namespace Hotline.IntegrationTests.Kpis;

/// <summary>
/// The export writers on their own: what they write (formula escaping, quoting, China time, the header of an empty
/// table, percentages) and that they stream: a large table is written with bounded memory into a stream that, like
/// an ASP.NET Core response body, refuses synchronous writes.
/// </summary>
[Collection(TableWritersCollection.Name)]
public sealed class TableWritersTests
{
    private const int ManyRows = 200_000;
    private const long MemoryBound = 16L * 1024 * 1024;

    private static readonly TableColumn[] Columns =
    [
        new("承办单位"), new("派单量", CellKind.Integer), new("响应率", CellKind.Rate), new("综合得分", CellKind.Decimal),
        new("时段起"), new("备注"),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Csv_Should_EscapeFormulasQuoteSeparatorsAndWriteChinaTime_When_CellsNeedIt()
    {
        var table = new TableData("三率", Columns, Rows(
        [
            ["=1+2", -3, 0.666666, 74.166, new DateOnly(2030, 3, 1), "甲,乙 \"丙\""],
            ["@SUM(A1)", 0, null, -1.5, new DateTimeOffset(2030, 3, 1, 16, 30, 0, TimeSpan.Zero), null],
        ]));
        var output = new MemoryStream();

        await CsvTableWriter.WriteAsync(table, new AsyncOnlyStream(output), Ct);

        var bytes = output.ToArray();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n").ShouldBe(
        [
            "承办单位,派单量,响应率,综合得分,时段起,备注",
            "\"'=1+2\",-3,0.6667,74.17,2030-03-01,\"甲,乙 \"\"丙\"\"\"",
            "\"'@SUM(A1)\",0,,-1.5,2030-03-02 00:30,",
            string.Empty,
        ]);
    }

    [Fact]
    public async Task Xlsx_Should_WriteTheHeaderNumbersAndPercentFormat_When_ReadBack()
    {
        var table = new TableData("三率-承办单位", Columns, Rows(
        [
            ["甲单位", 7, 0.6667, 74.17, new DateOnly(2030, 3, 1), null],
        ]));
        var output = new MemoryStream();

        await XlsxTableWriter.WriteAsync(table, new AsyncOnlyStream(output), Ct);

        output.Position = 0;
        MiniExcel.GetSheetNames(output).ShouldBe(["三率-承办单位"]);
        var rows = MiniExcel.Query(output, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(2);
        rows[0].Values.ShouldBe(["承办单位", "派单量", "响应率", "综合得分", "时段起", "备注"]);
        rows[1]["A"].ShouldBe("甲单位");
        Convert.ToDouble(rows[1]["B"]).ShouldBe(7);
        Convert.ToDouble(rows[1]["C"]).ShouldBe(0.6667);
        rows[1]["E"].ShouldBe("2030-03-01");
        using var zip = new ZipArchive(output, ZipArchiveMode.Read, leaveOpen: true);
        using var styles = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open());
        (await styles.ReadToEndAsync(Ct)).ShouldContain("formatCode=\"0.00%\"");
    }

    [Fact]
    public async Task Xlsx_Should_StillWriteTheHeader_When_TheTableHasNoRows()
    {
        var output = new MemoryStream();

        await XlsxTableWriter.WriteAsync(new TableData("空", Columns, Rows([])), new AsyncOnlyStream(output), Ct);

        output.Position = 0;
        var rows = MiniExcel.Query(output, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        rows.Single().Values.ShouldBe(["承办单位", "派单量", "响应率", "综合得分", "时段起", "备注"]);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Export_Should_HoldBoundedMemory_When_ItWritesManyRows(string format)
    {
        var sampler = new LiveHeapSampler();
        var output = new AsyncOnlyStream(Stream.Null);
        var table = new TableData("大表", Columns, Generated(ManyRows, sampler, Ct));

        sampler.Start();
        await (format == "csv" ? CsvTableWriter.WriteAsync(table, output, Ct) : XlsxTableWriter.WriteAsync(table, output, Ct));

        sampler.RowsRead.ShouldBe(ManyRows);
        output.Written.ShouldBeGreaterThan(ManyRows * 20L, "every row reached the output");

        // Streamed, the heap grows by under 0.1 MiB (CSV) and about 3 MiB (XLSX, MiniExcel's buffers); with the rows
        // held in a list first it grows by about 60 MiB.
        sampler.PeakGrowth.ShouldBeLessThan(MemoryBound, $"live heap grew by {sampler.PeakGrowth / 1024 / 1024} MiB over {ManyRows} rows");
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Rows(IReadOnlyList<object?>[] rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    /// <summary>Fresh rows, never kept: what a query streaming from the database hands over.</summary>
    private static async IAsyncEnumerable<IReadOnlyList<object?>> Generated(
        int count, LiveHeapSampler sampler, [EnumeratorCancellation] CancellationToken ct)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 10_000 == 0)
            {
                await Task.Yield();
                sampler.Sample();
            }

            ct.ThrowIfCancellationRequested();
            sampler.RowsRead++;
            yield return
            [
                $"第{i:D7}号承办单位（测试）", i, (i % 100) / 100.0, i / 7.0,
                new DateOnly(2030, 1, 1).AddDays(i % 365), $"备注 {i} 市民反映的问题已经转交",
            ];
        }

        sampler.Sample();
    }

    /// <summary>The live (reachable) heap after a full collection, sampled while the rows are read.</summary>
    private sealed class LiveHeapSampler
    {
        private long _baseline;

        public int RowsRead { get; set; }

        public long PeakGrowth { get; private set; }

        public void Start() => _baseline = GC.GetTotalMemory(forceFullCollection: true);

        public void Sample() => PeakGrowth = Math.Max(PeakGrowth, GC.GetTotalMemory(forceFullCollection: true) - _baseline);
    }

    /// <summary>Like Kestrel's response body: forward-only, and synchronous writes or flushes throw.</summary>
    private sealed class AsyncOnlyStream(Stream inner) : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) =>
            throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written += buffer.Length;
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

/// <summary>Alone in the process, so other tests' allocations do not show in the live-heap samples.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TableWritersCollection
{
    public const string Name = "table writers";
}
