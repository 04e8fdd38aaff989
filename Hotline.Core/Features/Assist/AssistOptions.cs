using System.ComponentModel.DataAnnotations;

namespace Hotline.Core.Features.Assist;

/// <summary>
/// <c>Intelligence:Chat</c> section: the large-model assist (docs/intelligence.md "Large-model assist"). Off unless
/// <see cref="Endpoint"/> and <see cref="Model"/> are set: an OpenAI-compatible base address (with its /v1, e.g.
/// http://127.0.0.1:11434/v1 for Ollama, http://127.0.0.1:8000/v1 for vLLM) and the model's name there.
/// </summary>
public sealed class AssistOptions : IValidatableObject
{
    public const string Section = "Intelligence:Chat";

    public string? Endpoint { get; set; }

    public string? Model { get; set; }

    /// <summary>Sent as the bearer token; a local server usually needs none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The longest wait for one answer; past it the request answers 504.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(16, 8192)]
    public int MaxOutputTokens { get; set; } = 512;

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Model);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Endpoint) && (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult("Intelligence:Chat:Endpoint must be an absolute http(s) address, e.g. http://127.0.0.1:11434/v1.", [nameof(Endpoint)]);
        }

        if (!string.IsNullOrWhiteSpace(Endpoint) && string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult("Intelligence:Chat:Model is required when Intelligence:Chat:Endpoint is set.", [nameof(Model)]);
        }
    }
}
