using System.Diagnostics;
using System.Text.Json;
using ArtFolio.Infrastructure.Persistence;
using FluentValidation.Results;
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
                    // ASP.NET Core names a type for the common statuses only.
                    problem.Type ??= problem.Status switch
                    {
                        StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
                        StatusCodes.Status429TooManyRequests => "https://tools.ietf.org/html/rfc6585#section-4",
                        _ => null,
                    };
                    problem.Title ??= problem.Status switch
                    {
                        StatusCodes.Status413PayloadTooLarge => "Content Too Large",
                        StatusCodes.Status429TooManyRequests => "Too Many Requests",
                        _ => null,
                    };
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

    /// <summary>
    /// FastEndpoints' error response: binding and validation failures as a validation problem with
    /// <c>errors: { field: [messages] }</c> under camelCase names; a body that is not JSON as a plain
    /// problem whose detail says where it broke.
    /// </summary>
    public static ProblemDetails FromFailures(
        IReadOnlyList<ValidationFailure> failures,
        HttpContext http,
        int status,
        string serializerErrorsField
    )
    {
        var traceId = Activity.Current?.Id ?? http.TraceIdentifier;
        if (failures.FirstOrDefault(f => f.PropertyName == serializerErrorsField) is { } unreadable)
            return new ProblemDetails
            {
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                Title = "Bad Request",
                Status = status,
                Detail = unreadable.ErrorMessage,
                Extensions = { ["traceId"] = traceId },
            };
        var errors = failures
            .GroupBy(f => CamelCase(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
        return new HttpValidationProblemDetails(errors)
        {
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            Title = "One or more validation errors occurred.",
            Status = status,
            // The same messages in one line, for a reader who looks at detail first.
            Detail = string.Join(" ", errors.Values.SelectMany(m => m)),
            Extensions = { ["traceId"] = traceId },
        };
    }

    /// <summary><c>tags[0]</c> for <c>Tags[0]</c>, <c>period.endDate</c> for <c>Period.EndDate</c>.</summary>
    private static string CamelCase(string name) =>
        string.Join('.', name.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    /// <summary>A problem result for handlers: <c>Problems.Result(401, "...")</c>.</summary>
    public static ProblemHttpResult Result(int status, string detail) =>
        TypedResults.Problem(statusCode: status, detail: detail);

    /// <summary>A problem with a stable <c>code</c> beside the detail, where one status has several causes a client tells apart.</summary>
    public static ProblemHttpResult Result(int status, string detail, string code) =>
        TypedResults.Problem(
            statusCode: status,
            detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = code }
        );
}

/// <summary>
/// Turns exceptions into problem details: request-reading failures (malformed JSON, wrong types,
/// missing body, wrong content type, too large) into their 4xx, anything else into a bare 500.
/// </summary>
internal sealed class ExceptionToProblemHandler(ILogger<ExceptionToProblemHandler> logger) : IExceptionHandler
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
            ImageSearch.ImageSearchException search => (search.Status, search.Message),
            Media.MediaStorageException => (
                StatusCodes.Status502BadGateway,
                "The media storage did not accept the file; nothing was saved. Try again later."
            ),
            // A write that refers to a row deleted a moment before (after the request found it).
            _ when exception.IsForeignKeyViolation() => (
                StatusCodes.Status404NotFound,
                "Something this request refers to was deleted meanwhile; nothing was saved."
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
        else if (status >= 500 && exception is not ImageSearch.ImageSearchException) // that one is logged where it arose
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method, http.Request.Path);
        else
            logger.LogInformation(
                "Rejected {Method} {Path}: {Reason}",
                http.Request.Method,
                http.Request.Path,
                exception.Message
            );

        if (http.Response.HasStarted)
            return false;
        if (exception is ImageSearch.ImageSearchException { RetryAfter: { } wait })
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Problems.WriteAsync(http, status, detail);
        return true;
    }

    // Kestrel's and the form reader's own rejections; JSON that fails to bind is FastEndpoints' (see FastEndpointsSetup).
    private static string DescribeBadRequest(BadHttpRequestException bad) =>
        bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
            StatusCodes.Status415UnsupportedMediaType => "The request's Content-Type is not supported here.",
            _ => "The request is malformed.",
        };
}
