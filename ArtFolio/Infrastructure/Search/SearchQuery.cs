using System.Text.RegularExpressions;

namespace ArtFolio.Infrastructure.Search;

/// <summary>One thing to find: a word, or several words in that order (a phrase); the last word typed is a prefix.</summary>
public sealed record SearchTerm(IReadOnlyList<string> Words, bool Prefix);

/// <summary>
/// What a person typed into a search box, parsed once for every engine: words match in any order,
/// <c>"quoted words"</c> only together and in order, <c>-word</c> or <c>-"a phrase"</c> excludes, and the
/// last bare word matches as a prefix so results follow typing. Words are runs of letters and digits;
/// everything else separates them, and punctuation inside a word (<c>sci-fi</c>, <c>o'keeffe</c>) makes
/// its parts a phrase. Nothing a user types reaches an engine as syntax, so no query is an error.
/// </summary>
public sealed partial record SearchQuery(IReadOnlyList<SearchTerm> Required, IReadOnlyList<SearchTerm> Excluded)
{
    /// <summary>More terms than this are ignored: a search box is not a document.</summary>
    public const int MaxTerms = 12;

    /// <summary>The query, or null when the text holds no word to look for.</summary>
    public static SearchQuery? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var required = new List<SearchTerm>();
        var excluded = new List<SearchTerm>();
        var lastBare = -1;
        foreach (Match chunk in Chunk().Matches(text))
        {
            var exclude = chunk.Groups["not"].Success;
            var quoted = chunk.Groups["quoted"].Success;
            var words = Word()
                .Matches(quoted ? chunk.Groups["quoted"].Value : chunk.Groups["bare"].Value)
                .Select(w => w.Value.ToLowerInvariant())
                .ToList();
            if (words.Count == 0 || required.Count + excluded.Count >= MaxTerms)
                continue;
            (exclude ? excluded : required).Add(new SearchTerm(words, Prefix: false));
            lastBare = exclude || quoted ? -1 : required.Count - 1;
        }
        if (required.Count == 0)
            return null; // only exclusions: nothing to rank, so no search
        // A person is still typing the last word they wrote (not a quoted phrase they closed).
        if (lastBare == required.Count - 1 && !char.IsWhiteSpace(text[^1]))
            required[lastBare] = required[lastBare] with { Prefix = true };
        return new SearchQuery(required, excluded);
    }

    // -?"quoted words" | -?bare-chunk; an unclosed quote runs to the end.
    [GeneratedRegex("""(?<not>-)?(?:"(?<quoted>[^"]*)"?|(?<bare>[^\s"]+))""")]
    private static partial Regex Chunk();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
