using System.Runtime.CompilerServices;

namespace Hotline.Core.Features.Attachments;

/// <summary>
/// The embedded default: blobs as files under one folder, <c>ab/abcdef…</c> by their hash. An upload is spooled in
/// <c>.spool</c> beside them and renamed into place, so a blob is whole or absent, never half-written.
/// </summary>
public sealed class FileSystemAttachmentStore : IAttachmentStore
{
    public const string SpoolFolder = ".spool";
    private readonly string _root;
    private readonly TimeProvider _time;

    public FileSystemAttachmentStore(string root, TimeProvider time)
    {
        _root = root;
        _time = time;
        Directory.CreateDirectory(_root);
        SpoolDirectory = Path.Combine(_root, SpoolFolder);
    }

    public string SpoolDirectory { get; }

    public Task PutAsync(SpooledFile file, CancellationToken ct)
    {
        var target = PathOf(file.Sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            File.SetLastWriteTimeUtc(target, _time.GetUtcNow().UtcDateTime);
            return Task.CompletedTask;
        }

        try
        {
            File.Move(file.Path, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            // Another upload of the same bytes won the rename: the content is the same.
            File.SetLastWriteTimeUtc(target, _time.GetUtcNow().UtcDateTime);
        }

        return Task.CompletedTask;
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true) : null;
        return Task.FromResult(stream);
    }

    public async IAsyncEnumerable<StoredBlob> ListAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var folder in Directory.EnumerateDirectories(_root))
        {
            if (Path.GetFileName(folder) == SpoolFolder)
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder))
            {
                ct.ThrowIfCancellationRequested();
                var key = Path.GetFileName(file);
                if (BlobKeys.IsValid(key))
                {
                    yield return new StoredBlob(key, new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero));
                }
            }

            await Task.Yield();
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key) => BlobKeys.IsValid(key)
        ? Path.Combine(_root, key[..2], key)
        : throw new ArgumentException("Not a blob key.", nameof(key));
}
