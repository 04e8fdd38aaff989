using System.Buffers;
using System.Security.Cryptography;

namespace Hotline.Core.Features.Attachments;

/// <summary>
/// An upload written to a temporary file while it arrives (never held whole in memory), hashed on the way and cut off
/// at the size limit. The file is deleted on dispose unless a store has moved it away.
/// </summary>
public sealed class SpooledFile : IAsyncDisposable
{
    /// <summary>The size of the pooled buffer an upload is copied through (below the large-object heap's 85,000 bytes).</summary>
    public const int ChunkBytes = 64 * 1024;

    private SpooledFile(string path, string fileName, long length, string sha256)
    {
        Path = path;
        FileName = fileName;
        Length = length;
        Sha256 = sha256;
    }

    public string Path { get; }

    /// <summary>The name the client gave (not trusted for anything but display).</summary>
    public string FileName { get; }

    public long Length { get; }

    /// <summary>Lower-case hex SHA-256 of the bytes.</summary>
    public string Sha256 { get; }

    /// <summary>
    /// Copies <paramref name="source"/> to a new file in <paramref name="directory"/>; throws <see cref="AttachmentTooLargeException"/>
    /// past <paramref name="maxBytes"/>. One pooled buffer of <see cref="ChunkBytes"/> is filled from the body (a multipart
    /// section hands out a few KB a read), hashed and written in one unbuffered write, so an upload in flight holds that
    /// buffer and nothing else of its own: no per-upload arrays for the garbage collector, no second copy in a
    /// FileStream buffer.
    /// </summary>
    public static async Task<SpooledFile> WriteAsync(Stream source, string fileName, string directory, long maxBytes, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, Guid.NewGuid().ToString("N") + ".part");
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = 0;
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, useAsync: true))
            {
                int filled;
                while ((filled = await FillAsync(source, buffer.AsMemory(0, ChunkBytes), ct)) > 0)
                {
                    length += filled;
                    if (length > maxBytes)
                    {
                        throw new AttachmentTooLargeException(maxBytes);
                    }

                    hash.AppendData(buffer, 0, filled);
                    await target.WriteAsync(buffer.AsMemory(0, filled), ct);
                }
            }

            return new SpooledFile(path, fileName, length, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the source ends; answers the bytes read (0 at the end).</summary>
    private static async Task<int> FillAsync(Stream source, Memory<byte> buffer, CancellationToken ct)
    {
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await source.ReadAsync(buffer[filled..], ct)) > 0)
        {
            filled += read;
        }

        return filled;
    }

    /// <summary>Hashes a file written by this process (a re-encoded image, a thumbnail) in place.</summary>
    public static async Task<SpooledFile> FromFileAsync(string path, string fileName, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var sha = await SHA256.HashDataAsync(stream, ct);
        return new SpooledFile(path, fileName, stream.Length, Convert.ToHexStringLower(sha));
    }

    /// <summary>The file for reading: its first bytes for the type, an image for the decoder (which reads in its own chunks).</summary>
    public FileStream OpenRead() => new(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}
