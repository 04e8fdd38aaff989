using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Hotline.Core.Features.Attachments;

/// <summary>
/// Any S3-compatible object store, for installations with several nodes and no shared volume. Uploads are spooled on
/// the node's own disk and sent from the file (never from memory); the bucket stays private, every download goes
/// through the API. A put of a key already there is sent again: same bytes, and it refreshes the object's time for the
/// orphan cleanup's grace period.
/// </summary>
public sealed class S3AttachmentStore(IAmazonS3 client, S3StoreOptions options, string spoolDirectory) : IAttachmentStore
{
    private readonly string _bucket = options.Bucket ?? throw new InvalidOperationException("Attachments:S3:Bucket is required with Attachments:Store=S3.");

    public string SpoolDirectory { get; } = spoolDirectory;

    public static IAmazonS3 CreateClient(S3StoreOptions options)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            AuthenticationRegion = options.Region,
            // Self-hosted stores do not all know the SDK's newer default checksums: send them only where S3 requires them.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
        }

        return string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    public async Task PutAsync(SpooledFile file, CancellationToken ct) =>
        await client.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = ObjectKey(file.Sha256), FilePath = file.Path, UseChunkEncoding = false }, ct);

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken ct)
    {
        try
        {
            var response = await client.GetObjectAsync(_bucket, ObjectKey(key), ct);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<StoredBlob> ListAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = options.Prefix };
        while (true)
        {
            var page = await client.ListObjectsV2Async(request, ct);
            foreach (var item in page.S3Objects ?? [])
            {
                var key = item.Key[options.Prefix.Length..];
                if (BlobKeys.IsValid(key) && item.LastModified is { } modified)
                {
                    yield return new StoredBlob(key, new DateTimeOffset(modified.ToUniversalTime(), TimeSpan.Zero));
                }
            }

            if (page.IsTruncated != true)
            {
                yield break;
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct) =>
        await client.DeleteObjectAsync(_bucket, ObjectKey(key), ct);

    private string ObjectKey(string key) => BlobKeys.IsValid(key)
        ? options.Prefix + key
        : throw new ArgumentException("Not a blob key.", nameof(key));
}
