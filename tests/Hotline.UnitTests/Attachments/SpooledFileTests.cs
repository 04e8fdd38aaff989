using System.Security.Cryptography;
using Hotline.Core.Features.Attachments;
using Shouldly;

namespace Hotline.UnitTests.Attachments;

/// <summary>An upload is copied to its spool file through one pooled buffer: every byte, hashed, cut off at the limit.</summary>
public sealed class SpooledFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hotline-spool-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(SpooledFile.ChunkBytes)]
    [InlineData(SpooledFile.ChunkBytes + 1)]
    [InlineData((3 * SpooledFile.ChunkBytes) + 4093)]
    public async Task Write_Should_StoreAndHashEveryByte_When_TheBodyArrivesInSmallReads(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);

        // A multipart section hands out a few KB a read, never a whole chunk.
        await using var spooled = await SpooledFile.WriteAsync(new Trickle(bytes, 4093), "a.bin", _folder, maxBytes: length, Ct);

        spooled.Length.ShouldBe(length);
        spooled.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        (await File.ReadAllBytesAsync(spooled.Path, Ct)).ShouldBe(bytes);
    }

    [Fact]
    public async Task Write_Should_RefuseAndLeaveNoFile_When_TheBodyIsOverTheLimit()
    {
        var bytes = new byte[(2 * SpooledFile.ChunkBytes) + 10];

        await Should.ThrowAsync<AttachmentTooLargeException>(() => SpooledFile.WriteAsync(new Trickle(bytes, 1000), "big.bin", _folder, maxBytes: bytes.Length - 1, Ct));

        Directory.EnumerateFiles(_folder).ShouldBeEmpty();
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A stream that answers at most <c>step</c> bytes a read.</summary>
    private sealed class Trickle(byte[] bytes, int step) : MemoryStream(bytes, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, step));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, step)]);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, step), cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, step)], cancellationToken);
    }
}
