using FluentValidation;
using FluentValidation.Results;
using Hotline.Core.Features.Attachments;

namespace Hotline.Api.Attachments;

/// <summary>The file parts of an upload to an order (<see cref="MultipartForm"/>); other parts are read and ignored.</summary>
public static class MultipartFiles
{
    /// <summary>The spooled files; the caller disposes them. 400 without a file, 413 for a file over the limit.</summary>
    public static async Task<List<SpooledFile>> SpoolAsync(HttpRequest request, AttachmentOptions limits, string directory, CancellationToken ct)
    {
        var form = await MultipartForm.ReadAsync(request, limits, directory, null, ct);
        if (form.Files.Count == 0)
        {
            throw new ValidationException([new ValidationFailure("file", "未收到文件：请在字段 file 中附上文件。")]);
        }

        return form.Files;
    }

    public static async Task DisposeAsync(IEnumerable<SpooledFile> files)
    {
        foreach (var file in files)
        {
            await file.DisposeAsync();
        }
    }
}
