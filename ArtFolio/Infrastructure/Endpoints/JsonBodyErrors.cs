using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation.Results;

namespace ArtFolio.Infrastructure.Endpoints;

/// <summary>
/// What a client is told when its JSON body does not bind: a field of the wrong type is a validation
/// error under that field's name, saying what was expected in JSON's terms (never a .NET type name);
/// anything else is a body that is not valid JSON, told with where it broke.
/// </summary>
internal static partial class JsonBodyErrors
{
    public static ValidationFailure Describe(JsonException error, string unreadableBody)
    {
        var path = error.Path;
        if (path is { Length: > 2 } && WrongType().Match(error.Message) is { Success: true } wrongType)
            return new ValidationFailure(path[2..], $"Expected {Expected(wrongType.Groups["type"].Value)} at {path}.");
        return new ValidationFailure(
            unreadableBody,
            $"The request body is not valid JSON{(string.IsNullOrEmpty(path) ? "" : $" at {path}")}."
        );
    }

    private static string Expected(string clrType) =>
        clrType switch
        {
            _ when clrType.Contains("DateOnly", StringComparison.Ordinal) => "a date (YYYY-MM-DD)",
            _ when clrType.Contains("DateTime", StringComparison.Ordinal) => "a date and time (ISO 8601)",
            _ when clrType.Contains("Guid", StringComparison.Ordinal) => "an id",
            _ when clrType.Contains("Boolean", StringComparison.Ordinal) => "true or false",
            _ when clrType.Contains("List", StringComparison.Ordinal)
                    || clrType.EndsWith("[]", StringComparison.Ordinal) => "an array",
            _ when NumberType().IsMatch(clrType) => "a number",
            _ when clrType.Contains("String", StringComparison.Ordinal) => "a string",
            _ => "a value of another type",
        };

    // System.Text.Json: "The JSON value could not be converted to System.Nullable`1[System.Decimal]. Path: ..."
    [GeneratedRegex(@"^The JSON value could not be converted to (?<type>\S+)\. Path:")]
    private static partial Regex WrongType();

    [GeneratedRegex(@"\b(System\.)?(U?Int(16|32|64)|Decimal|Double|Single|Byte)\b")]
    private static partial Regex NumberType();
}
