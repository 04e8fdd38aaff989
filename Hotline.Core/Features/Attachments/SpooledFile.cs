using System.Security.Cryptography;

namespace Hotline.Core.Features.Attachments;

/// <summary>
/// An upload written to a temporary file while it arrives (never held whole in memory), hashed on the way and cut off
/// at the size limit. The file is deleted on dispose unless a store has moved it away.
/// </summary>
public sealed class SpooledFile : IAsyncDisposable
{
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

    /// <summary>Copies <paramref name="source"/> to a new file in <paramref name="directory"/>; throws <see cref="AttachmentTooLargeException"/> past <paramref name="maxBytes"/>.</summary>
    public static async Task<SpooledFile> WriteAsync(Stream source, string fileName, string directory, long maxBytes, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = 0;
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(buffer, ct)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        throw new AttachmentTooLargeException(maxBytes);
                    }

                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }

            return new SpooledFile(path, fileName, length, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Hashes a file written by this process (a re-encoded image, a thumbnail) in place.</summary>
    public static async Task<SpooledFile> FromFileAsync(string path, string fileName, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var sha = await SHA256.HashDataAsync(stream, ct);
        return new SpooledFile(path, fileName, stream.Length, Convert.ToHexStringLower(sha));
    }

    public FileStream OpenRead() => new(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}
