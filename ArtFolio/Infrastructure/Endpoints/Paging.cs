using System.Text.Json;
using ArtFolio.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.IdentityModel.Tokens;

namespace ArtFolio.Infrastructure.Endpoints;

/// <summary>A cursor page: <c>{ items, nextCursor }</c>; <c>nextCursor</c> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// The cursor of the lists ordered by a time then an id (comments, downloads, follows,
/// notifications): the last item's time, in ticks, and its id.
/// </summary>
/// <remarks>
/// Lists seek past it as <c>time &lt;= at &amp;&amp; (time &lt; at || id &lt; cursorId)</c> (mirrored when
/// ascending), not <c>time &lt; at || (time == at &amp;&amp; ...)</c>: the same rows, but the first term bounds
/// the index range even in PostgreSQL's generic plan of a prepared statement.
/// </remarks>
public sealed record TimeCursor(long Ticks, Guid Id)
{
    public DateTime At => new(Ticks, DateTimeKind.Utc);

    public static TimeCursor Of(DateTime at, Guid id) => new(at.Ticks, id);

    /// <summary>Decodes, and holds a time a DateTime can represent.</summary>
    public static bool IsValid(string cursor) =>
        Paging.TryDecode<TimeCursor>(cursor, out var key)
        && key!.Ticks >= DateTime.MinValue.Ticks
        && key.Ticks <= DateTime.MaxValue.Ticks;
}

/// <summary>Query parameters every list takes.</summary>
public interface IPageQuery
{
    /// <summary>Items per page: 1 to 100, default 20.</summary>
    int? Limit { get; }

    /// <summary>The previous page's <c>nextCursor</c>, to read the page after it; absent for the first page.</summary>
    string? Cursor { get; }
}

public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static int LimitOf(IPageQuery query) => query.Limit ?? DefaultLimit;

    /// <summary>The opaque cursor: base64url JSON of the last item's keys. Clients only hand it back.</summary>
    public static string Encode<TKey>(TKey key) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(key));

    // A cursor names every key of its record: one that decodes but lacks a field (forged, or from an
    // older release) is refused like any other, instead of seeking from a default value.
    private static readonly JsonSerializerOptions CursorJson = new()
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    public static bool TryDecode<TKey>(string? cursor, out TKey? key)
        where TKey : class
    {
        key = null;
        if (string.IsNullOrEmpty(cursor))
            return false;
        try
        {
            key = JsonSerializer.Deserialize<TKey>(Base64UrlEncoder.DecodeBytes(cursor), CursorJson);
            return key is not null;
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// The rows after <paramref name="cursor"/> in a list ordered by a time then an id (newest first
    /// unless <paramref name="descending"/> is false); every row when there is no cursor.
    /// </summary>
    public static IQueryable<T> After<T>(
        this IQueryable<T> rows,
        TimeCursor? cursor,
        System.Linq.Expressions.Expression<Func<T, DateTime>> at,
        System.Linq.Expressions.Expression<Func<T, Guid>> id,
        bool descending = true
    ) => cursor is null ? rows : rows.After(at, id, cursor.At, cursor.Id, descending);

    /// <summary>The items of one page, read with one extra row to know whether another page follows.</summary>
    public static Page<T> ToPage<T, TKey>(List<T> rows, int limit, Func<T, TKey> keyOf)
    {
        if (rows.Count <= limit)
            return new Page<T>(rows, null);
        rows.RemoveAt(limit);
        return new Page<T>(rows, Encode(keyOf(rows[^1])));
    }

    /// <summary>limit from 1 to 100; a cursor this list issued (<paramref name="cursorIsValid"/> decides).</summary>
    public static void AddPageRules<T>(this AbstractValidator<T> validator, Func<T, string, bool> cursorIsValid)
        where T : IPageQuery
    {
        validator.RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit);
        validator
            .RuleFor(q => q.Cursor)
            .Must((query, cursor) => cursor is null || cursorIsValid(query, cursor))
            .WithMessage("This cursor was not issued for this list; start again without one.");
    }
}
