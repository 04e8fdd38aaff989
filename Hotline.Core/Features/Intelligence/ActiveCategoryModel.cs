using Hotline.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hotline.Core.Features.Intelligence;

/// <summary>The model this node serves, with the database row it came from.</summary>
public sealed record LoadedCategoryModel(Guid Id, int Version, CategoryClassifier Classifier);

/// <summary>
/// The active category model of this node (one per process). A refresh asks the database which model is active;
/// another one is loaded whole (checksum, format, ML.NET) and only then swapped in by one reference assignment,
/// so a request sees the old model or the new one, never a half-loaded one. A model that cannot be loaded is
/// refused and logged once, and the model served before stays.
/// </summary>
public sealed partial class ActiveCategoryModel(ILogger<ActiveCategoryModel> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile LoadedCategoryModel? _current;
    private Guid? _refused;

    public LoadedCategoryModel? Current => _current;

    public async Task<LoadedCategoryModel?> RefreshAsync(HotlineDbContext db, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var head = await db.Set<CategoryModel>().AsNoTracking().Where(m => m.Active)
                .OrderByDescending(m => m.ActivatedAt).Select(m => new { m.Id, m.Version }).FirstOrDefaultAsync(ct);
            if (head is null)
            {
                _current = null;
                return null;
            }

            if (head.Id == _current?.Id || head.Id == _refused)
            {
                return _current;
            }

            var row = await db.Set<CategoryModel>().AsNoTracking().Where(m => m.Id == head.Id)
                .Select(m => new { m.Bytes, m.Sha256, m.FormatVersion }).FirstAsync(ct);
            try
            {
                var classifier = Open(row.Bytes, row.Sha256, row.FormatVersion);
                _current = new LoadedCategoryModel(head.Id, head.Version, classifier);
                _refused = null;
                LogLoaded(head.Version, head.Id);
            }
            catch (InvalidDataException e)
            {
                _refused = head.Id;
                LogRefused(head.Version, head.Id, _current?.Version, e.Message);
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A stored model, or <see cref="InvalidDataException"/> when it is not one this node can serve.</summary>
    public static CategoryClassifier Open(byte[]? bytes, string? sha256, int formatVersion, ModelPart part = ModelPart.Served)
    {
        if (formatVersion != TextFeaturizer.FormatVersion)
        {
            throw new InvalidDataException($"The model was featurized with format {formatVersion}; this node featurizes with {TextFeaturizer.FormatVersion}.");
        }

        return bytes is null ? throw new InvalidDataException("The model has no stored bytes.") : CategoryClassifier.Load(bytes, sha256, part);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Category model v{Version} ({ModelId}) loaded and active on this node")]
    private partial void LogLoaded(int version, Guid modelId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Category model v{Version} ({ModelId}) refused, it cannot be loaded; this node keeps serving v{Previous}: {Reason}")]
    private partial void LogRefused(int version, Guid modelId, int? previous, string reason);
}
