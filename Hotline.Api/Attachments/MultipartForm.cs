using System.Text;
using FluentValidation;
using FluentValidation.Results;
using Hotline.Core.Features.Attachments;
using Hotline.Domain.Common;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Hotline.Api.Attachments;

/// <summary>
/// A multipart/form-data body read part by part: file parts go straight into spool files (never held whole in memory,
/// cut off at <see cref="AttachmentOptions.MaxFileBytes"/>: 413), text parts into <see cref="Fields"/> (bounded). ASP.NET's
/// form binding is not used because it buffers the files before the endpoint can check them. Disposing deletes the
/// spool files.
/// </summary>
public sealed class MultipartForm : IAsyncDisposable
{
    /// <summary>Room for the part headers and the text fields beside the files in the body's size limit.</summary>
    public const long FieldBytes = 1024 * 1024;

    private const int MaxFields = 1024;
    private const long PartOverhead = 64 * 1024;

    private MultipartForm()
    {
    }

    public Dictionary<string, StringValues> Fields { get; } = new(StringComparer.Ordinal);

    public List<SpooledFile> Files { get; } = [];

    public static bool IsMultipart(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var media) && media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the body. <paramref name="fileField"/>: the only field name a file may have (another is 400), or null for
    /// any. More than <see cref="AttachmentOptions.MaxFilesPerOrder"/> files is 409 (<see cref="DomainException"/>).
    /// </summary>
    public static async Task<MultipartForm> ReadAsync(HttpRequest request, AttachmentOptions limits, string directory, string? fileField, CancellationToken ct)
    {
        if (!IsMultipart(request))
        {
            throw Invalid(fileField ?? "file", $"请以 multipart/form-data 上传文件（字段名 {fileField ?? "file"}）。");
        }

        if (HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value is not { Length: > 0 } boundary)
        {
            throw Unreadable("Content-Type 缺少 boundary (no boundary)");
        }

        var maxBody = limits.MaxFilesPerOrder * (limits.MaxFileBytes + PartOverhead) + FieldBytes;
        if (request.ContentLength > maxBody)
        {
            throw new AttachmentTooLargeException(limits.MaxFileBytes);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBody;
        }

        var form = new MultipartForm();
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            long fieldBytes = 0;
            var parts = 0;
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (++parts > MaxFields)
                {
                    throw Unreadable($"表单字段过多，最多 {MaxFields} 个 (more than {MaxFields} parts)");
                }

                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFormDisposition() && !disposition.IsFileDisposition())
                {
                    throw Unreadable("每一部分须有 Content-Disposition: form-data 和字段名 (a part without its form-data disposition)");
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                if (disposition.IsFileDisposition())
                {
                    if (fileField is not null && name != fileField)
                    {
                        throw Invalid(name, $"字段 {name} 不接受文件：文件请放在字段 {fileField} 中。(Files go in the field {fileField}.)");
                    }

                    if (form.Files.Count == limits.MaxFilesPerOrder)
                    {
                        throw new DomainException($"每个工单最多 {limits.MaxFilesPerOrder} 个附件。");
                    }

                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    form.Files.Add(await SpooledFile.WriteAsync(section.Body, fileName ?? string.Empty, directory, limits.MaxFileBytes, ct));
                    continue;
                }

                var value = await ReadTextAsync(section.Body, FieldBytes - fieldBytes, ct) ?? throw Invalid(name, "表单文字字段合计超过 1 MB。(The text fields exceed 1 MB.)");
                if (value.Contains('\0', StringComparison.Ordinal))
                {
                    // As ASP.NET's url-encoded form reader does: a NUL is never text a person typed, and PostgreSQL refuses it.
                    throw Unreadable($"字段 {name} 含有 NUL 字符 (field {name} holds a NUL)");
                }

                fieldBytes += Encoding.UTF8.GetByteCount(value) + name.Length;
                form.Fields[name] = StringValues.Concat(form.Fields.GetValueOrDefault(name), value);
            }
        }
        catch (Exception ex) when (ex is (IOException and not BadHttpRequestException) or InvalidDataException && !ct.IsCancellationRequested)
        {
            // A body cut short, without its closing delimiter or with broken part headers: the client's error, not a 500.
            await form.DisposeAsync();
            throw Unreadable(ex.Message);
        }
        catch
        {
            await form.DisposeAsync();
            throw;
        }

        return form;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var file in Files)
        {
            await file.DisposeAsync();
        }
    }

    /// <summary>The part as UTF-8 text, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    private static async Task<string?> ReadTextAsync(Stream body, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static ValidationException Unreadable(string reason) => Invalid("body", $"无法读取表单。(The form body could not be read: {reason}.)");

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
