namespace Hotline.Core.Features.Assist;

/// <summary>The assist is off (no Intelligence:Chat:Endpoint/Model): 409, the console shows no suggestion.</summary>
public sealed class AssistDisabledException()
    : Exception("大模型辅助未启用：未配置 Intelligence:Chat:Endpoint 和 Intelligence:Chat:Model。(Large-model assist is off.)");
