using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ArtFolio.Infrastructure.Endpoints;

/// <summary>Every error leaves as RFC 9457 problem details with a traceId; nothing internal reaches the client.</summary>
public static class Problems
{
    public static IServiceCollection AddProblems(this IServiceCollection services) =>
        services
            .AddExceptionHandler<ExceptionToProblemHandler>()
            .AddProblemDetails(options =>
                options.CustomizeProblemDetails = context =>
                {
                    var problem = context.ProblemDetails;
                    problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
                    problem.Detail ??= problem.Status switch
                    {
                        StatusCodes.Status404NotFound => "There is nothing at this address.",
                        StatusCodes.Status405MethodNotAllowed => "This address does not accept that method.",
                        StatusCodes.Status415UnsupportedMediaType =>
                            "The request's Content-Type is not supported here.",
                        _ => null,
                    };
                }
            );

    public static async Task WriteAsync(HttpContext http, int status, string detail)
    {
        http.Response.StatusCode = status;
        var service = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(
            new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = status, Detail = detail } }
        );
    }

    /// <summary>A problem result for handlers: <c>Problems.Result(401, "...")</c>.</summary>
    public static ProblemHttpResult Result(int status, string detail) =>
        TypedResults.Problem(statusCode: status, detail: detail);
}

/// <summary>
/// Turns exceptions into problem details: request-reading failures (malformed JSON, wrong types,
/// missing body, wrong content type, too large) into their 4xx, anything else into a bare 500.
/// </summary>
internal sealed partial class ExceptionToProblemHandler(ILogger<ExceptionToProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext http,
        Exception exception,
        CancellationToken cancellationToken
    )
    {
        var (status, detail) = exception switch
        {
            RequestRejectedException rejected => (rejected.Status, rejected.Message),
            BadHttpRequestException bad => (bad.StatusCode, DescribeBadRequest(bad)),
            Media.MediaStorageException => (
                StatusCodes.Status502BadGateway,
                "The media storage did not accept the file; nothing was saved. Try again later."
            ),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred."),
        };
        if (exception is Media.MediaStorageException)
            logger.LogWarning(
                exception,
                "Media storage failed for {Method} {Path}",
                http.Request.Method,
                http.Request.Path
            );
        else if (status >= 500)
            logger.LogError(
                exception,
                "Unhandled exception for {Method} {Path}",
                http.Request.Method,
                http.Request.Path
            );
        else
            logger.LogInformation(
                "Rejected {Method} {Path}: {Reason}",
                http.Request.Method,
                http.Request.Path,
                exception.Message
            );

        if (http.Response.HasStarted)
            return false;
        await Problems.WriteAsync(http, status, detail);
        return true;
    }

    // Minimal APIs say: Failed to bind parameter "Nullable<int> Limit" from "abc".
    [GeneratedRegex("^Failed to bind parameter \"[^\"]* (?<name>\\w+)\" from \"(?<value>.*)\"\\.$")]
    private static partial Regex UnbindableParameter();

    private static string DescribeBadRequest(BadHttpRequestException bad) =>
        bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
            StatusCodes.Status415UnsupportedMediaType => "The request's Content-Type is not supported here.",
            _ => FindJsonError(bad) is { } json
                ? $"The request body is not valid JSON{(string.IsNullOrEmpty(json.Path) ? "" : $" at {json.Path}")}."
            : bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal)
                ? "A JSON request body is required."
            : UnbindableParameter().Match(bad.Message) is { Success: true } parameter
                ? $"'{parameter.Groups["value"].Value}' is not a valid value for {JsonNamingPolicy.CamelCase.ConvertName(parameter.Groups["name"].Value)}."
            : "The request is malformed.",
        };

    private static JsonException? FindJsonError(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
            if (exception is JsonException json)
                return json;
        return null;
    }
}
