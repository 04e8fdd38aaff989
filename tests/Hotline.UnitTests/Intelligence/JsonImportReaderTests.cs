using System.Text;
using FluentValidation;
using Hotline.Contracts.Intelligence;
using Hotline.Core.Features.History.ImportHistory;
using Hotline.Core.Json;
using Shouldly;

namespace Hotline.UnitTests.Intelligence;

public sealed class JsonImportReaderTests
{
    private static async Task<List<ImportLine<HistoryOrderLine>>> ReadAsync(string body, bool jsonLines)
    {
        var lines = new List<ImportLine<HistoryOrderLine>>();
        await foreach (var line in JsonImportReader.ReadAsync<HistoryOrderLine>(new MemoryStream(Encoding.UTF8.GetBytes(body)), jsonLines, ImportHistoryHandler.Json, TestContext.Current.CancellationToken))
        {
            lines.Add(line);
        }

        return lines;
    }

    [Fact]
    public async Task Array_Should_BeReadElementByElement_WithTheBadOnesNumbered()
    {
        var lines = await ReadAsync("\uFEFF [ {\"externalId\":\"a\"}, {\"externalId\":5}, {\"externalId\":\"c\",\"createdAt\":\"2026-01-01T00:00:00Z\"} ]", jsonLines: false);

        lines.Select(l => l.Line).ShouldBe([1, 2, 3]);
        lines[0].Item!.ExternalId.ShouldBe("a");
        lines[1].Error.ShouldNotBeNull().ShouldContain("JSON");
        lines[2].Item!.CreatedAt.ShouldBe(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task JsonLines_Should_NumberByLine_AndSkipBlankLines()
    {
        var lines = await ReadAsync("{\"externalId\":\"a\"}\r\n\r\n{oops\n{\"externalId\":\"d\"}", jsonLines: true);

        lines.Select(l => (l.Line, l.Error is null)).ShouldBe([(1, true), (3, false), (4, true)]);
    }

    [Theory]
    [InlineData("{\"externalId\":\"a\"}")]
    [InlineData("   ")]
    [InlineData("[{\"externalId\":\"a\"}, {")]
    public async Task Array_Should_Be400_When_TheBodyIsNoArray(string body) =>
        await Should.ThrowAsync<ValidationException>(() => ReadAsync(body, jsonLines: false));
}
