using Hotline.Contracts.Templates;

namespace Hotline.Agent.Services;

/// <summary>常用语, 工单模板 and 答复模板.</summary>
public sealed partial class HotlineApi
{
    public static string TemplatePath(TextTemplateKind kind) => kind switch
    {
        TextTemplateKind.Phrase => "api/phrases",
        TextTemplateKind.OrderTemplate => "api/order-templates",
        _ => "api/reply-templates",
    };

    public Task<IReadOnlyList<TextTemplateDto>> ListTemplatesAsync(TextTemplateKind kind, bool includeInactive = false) =>
        GetAsync<IReadOnlyList<TextTemplateDto>>(TemplatePath(kind) + (includeInactive ? "?includeInactive=true" : ""));

    public Task<TextTemplateDto> SaveTemplateAsync(TextTemplateKind kind, Guid? id, UpsertTextTemplateRequest body) =>
        id is { } existing
            ? SendAsync<TextTemplateDto>(HttpMethod.Put, $"{TemplatePath(kind)}/{existing}", body)
            : SendAsync<TextTemplateDto>(HttpMethod.Post, TemplatePath(kind), body);
}
