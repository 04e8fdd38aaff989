using FluentValidation;
using FluentValidation.Results;
using Hotline.Core.Features.Attachments;
using Hotline.Domain.Common;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Hotline.Api.Attachments;

/// <summary>
/// Reads the file parts of a multipart/form-data body straight into spool files, one part at a time, so an upload is
/// never held whole in memory (ASP.NET's form binding would buffer it). Other parts are skipped.
/// </summary>
public static class MultipartFiles
{
    private const long PartOverhead = 64 * 1024;

    /// <summary>The spooled files; the caller disposes them. 400 without a file, 413 for a file over the limit.</summary>
    public static async Task<List<SpooledFile>> SpoolAsync(HttpRequest request, AttachmentOptions limits, string directory, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(media.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw Invalid("请以 multipart/form-data 上传文件（字段名 file）。");
        }

        var maxBody = limits.MaxFilesPerOrder * (limits.MaxFileBytes + PartOverhead);
        if (request.ContentLength > maxBody)
        {
            throw new AttachmentTooLargeException(limits.MaxFileBytes);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBody;
        }

        var files = new List<SpooledFile>();
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
                {
                    continue;
                }

                if (files.Count == limits.MaxFilesPerOrder)
                {
                    throw new DomainException($"每个工单最多 {limits.MaxFilesPerOrder} 个附件。");
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                files.Add(await SpooledFile.WriteAsync(section.Body, name ?? string.Empty, directory, limits.MaxFileBytes, ct));
            }
        }
        catch
        {
            await DisposeAsync(files);
            throw;
        }

        return files.Count > 0 ? files : throw Invalid("未收到文件：请在字段 file 中附上文件。");
    }

    public static async Task DisposeAsync(IEnumerable<SpooledFile> files)
    {
        foreach (var file in files)
        {
            await file.DisposeAsync();
        }
    }

    private static ValidationException Invalid(string message) => new([new ValidationFailure("file", message)]);
}
