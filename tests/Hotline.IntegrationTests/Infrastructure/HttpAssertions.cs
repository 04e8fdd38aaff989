using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Hotline.IntegrationTests.Infrastructure;

public static class HttpAssertions
{
    /// <summary>Asserts the status and shows the response body when it is not the expected one.</summary>
    public static async Task<HttpResponseMessage> ShouldHaveStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered: {body}");
        }

        return response;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
        where T : class
    {
        await response.ShouldHaveStatusAsync(expected);
        var value = await response.Content.ReadFromJsonAsync<T>(Json.Options);
        return value ?? throw new ShouldAssertException($"{response.RequestMessage?.RequestUri?.PathAndQuery} answered an empty body");
    }

    /// <summary>Asserts an RFC 9457 answer with the given status and returns its JSON.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.ShouldHaveStatusAsync(expected);
        return await response.ShouldBeProblemAsync();
    }

    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", $"status {(int)response.StatusCode}");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        problem.GetProperty("status").GetInt32().ShouldBe((int)response.StatusCode);
        return problem;
    }

    public static IReadOnlyList<string> ErrorFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
            ? errors.EnumerateObject().Select(p => p.Name).ToList()
            : [];
}
