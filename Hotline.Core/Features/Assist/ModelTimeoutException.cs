namespace Hotline.Core.Features.Assist;

/// <summary>The model server did not answer within Intelligence:Chat:Timeout: 504.</summary>
public sealed class ModelTimeoutException(TimeSpan timeout)
    : Exception($"大模型服务在 {timeout.TotalSeconds:0.#} 秒内没有答复，请稍后重试或手工填写。(The model did not answer in time.)");
