using System.Collections.Concurrent;
using System.Diagnostics;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Hosting;
using ArtFolio.Infrastructure.Redis;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Net.Http.Headers;
using StackExchange.Redis;

namespace ArtFolio.Infrastructure.Caching;

/// <summary>
/// <c>OutputCache</c>: anonymous answers of the public reads kept whole in memory (ASP.NET Core's output
/// cache), served without touching the database until a write evicts them by tag.
/// </summary>
public sealed class AnswerCacheOptions : ICheckedSettings
{
    public const string Section = "OutputCache";

    /// <summary>On by default; off, every read goes to the database.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long an answer is kept at most: never longer than clients and CDNs may keep it (max-age).</summary>
    public TimeSpan Duration { get; set; } = ConditionalGet.PublicMaxAge;

    /// <summary>The most memory the kept answers take, bodies and headers, in megabytes; the least recently used go first.</summary>
    public int SizeLimitMegabytes { get; set; } = 64;

    /// <summary>
    /// <c>Memory</c> (the default): each instance keeps its own, evicted everywhere through the Redis
    /// channel when Redis is configured. <c>Redis</c>: one store in Redis shared by every instance
    /// (needs <c>Redis:ConnectionString</c>; its size is Redis's to bound). See the README for both, measured.
    /// </summary>
    public string Store { get; set; } = MemoryStore;

    public const string MemoryStore = "Memory";
    public const string RedisStore = "Redis";

    public IEnumerable<string> Problems()
    {
        if (Duration <= TimeSpan.Zero || Duration > ConditionalGet.PublicMaxAge)
            yield return $"Duration: from more than zero to {ConditionalGet.PublicMaxAge} (the public max-age)";
        if (SizeLimitMegabytes < 1)
            yield return "SizeLimitMegabytes: at least 1";
        if (Store is not (MemoryStore or RedisStore))
            yield return $"Store: {MemoryStore} or {RedisStore}";
    }
}

/// <summary>
/// The tags answers are kept under, and how endpoints use them: a read names what its answer is made
/// of (<see cref="TagAnswer"/>), a write evicts what it changed (<see cref="EvictAnswersAsync"/>) after
/// its commit and before it answers, on every instance.
/// </summary>
public static class AnswerTags
{
    /// <summary>The eviction kind (<see cref="Evictions"/>) of answer tags.</summary>
    public const string Kind = "answer-tag";

    /// <summary>Every answer listing artworks with their counts and artists: explore, popular, profiles.</summary>
    public const string ArtworkLists = "artworks";

    /// <summary>The user directory (names, avatars, artwork and follower counts).</summary>
    public const string UserDirectory = "users";

    /// <summary>Every page of comments (each shows its author's name and avatar).</summary>
    public const string CommentPages = "comments";

    /// <summary>One artwork's own answer and its comment pages.</summary>
    public static string Artwork(Guid id) => $"artwork:{id:N}";

    /// <summary>A user's profile and each of their artworks' answers (which show the artist); usernames never change.</summary>
    public static string User(string username) => $"user:{username}";

    /// <summary>What a change to one artwork (its fields, its likes or comments) makes stale.</summary>
    public static string[] ArtworkChanged(Guid id) => [Artwork(id), ArtworkLists];

    /// <summary>An artwork added to or taken from an artist's: it, their counts, every list.</summary>
    public static string[] ArtistsArtworksChanged(string username, Guid artworkId) =>
        [Artwork(artworkId), User(username), UserDirectory, ArtworkLists];

    /// <summary>A user's public face changed (name, avatar, bio), or they left: wherever they appear.</summary>
    public static string[] UserChanged(string username) => [User(username), UserDirectory, ArtworkLists, CommentPages];

    /// <summary>A follow given or taken back: both profiles' counts and the directory's.</summary>
    public static string[] FollowChanged(string follower, string followee) =>
        [User(follower), User(followee), UserDirectory];

    /// <summary>Names what the answer being made is built of, should it be kept.</summary>
    public static void TagAnswer(this HttpContext http, params IEnumerable<string> tags)
    {
        if (http.Features.Get<IOutputCacheFeature>()?.Context is { } context)
            context.Tags.UnionWith(tags);
    }

    public static Task EvictAnswersAsync(
        this Evictions evictions,
        IReadOnlyCollection<string> tags,
        CancellationToken cancellationToken
    ) => evictions.EvictAsync(Kind, tags, cancellationToken);
}

public static class AnswerCacheSetup
{
    /// <summary>The output-cache policy of the public reads: <c>Options(o => o.CacheOutput(AnswerCacheSetup.Policy))</c>.</summary>
    public const string Policy = "anonymous-answers";

    public static IServiceCollection AddAnswerCache(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddSettings<AnswerCacheOptions>(configuration, AnswerCacheOptions.Section);
        var log = new AnswerEvictionLog();
        services.AddSingleton(log);
        services.AddOutputCache(cache =>
        {
            cache.SizeLimit = options.SizeLimitMegabytes * 1024L * 1024L;
            cache.DefaultExpirationTimeSpan = options.Duration;
            cache.AddPolicy(Policy, new AnonymousAnswers(options, log));
        });
        if (options.Store == AnswerCacheOptions.RedisStore)
        {
            var redis = RedisOptions.From(configuration) is { IsConfigured: true } configured
                ? configured
                : throw new InvalidOperationException("OutputCache:Store Redis needs Redis:ConnectionString.");
            // Replaces the memory store AddOutputCache registered; on the one multiplexer of the process.
            services.AddStackExchangeRedisOutputCache(_ => { });
            services
                .AddOptions<RedisOutputCacheOptions>()
                .Configure<IConnectionMultiplexer>(
                    (cache, connection) =>
                    {
                        cache.InstanceName = redis.KeyPrefix + "answers:";
                        cache.ConnectionMultiplexerFactory = () => Task.FromResult(connection);
                    }
                );
        }
        services.AddSingleton<IEvictionTarget, AnswerEviction>();
        return services;
    }
}

/// <summary>
/// Keeps a GET's answer only when it is anonymous (no Authorization header), a 200 the endpoint itself
/// marked <c>public</c> (<see cref="ConditionalGet"/>), without a cookie, and none of its tags was evicted
/// while it was being made (else it could hold what the eviction removed). 404s are not kept: they
/// cost an index lookup, and keeping them would need an eviction on every creation. Answers vary by
/// <c>Origin</c>, whose CORS headers they carry.
/// </summary>
internal sealed class AnonymousAnswers(AnswerCacheOptions options, AnswerEvictionLog log) : IOutputCachePolicy
{
    private static readonly object StartedKey = new();

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var anonymousRead =
            options.Enabled
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Headers.Authorization.Count == 0;
        context.EnableOutputCaching = anonymousRead;
        context.AllowCacheLookup = anonymousRead;
        context.AllowCacheStorage = anonymousRead;
        context.AllowLocking = true; // concurrent misses of one key wait for the first instead of all reading
        context.ResponseExpirationTimeSpan = options.Duration;
        context.CacheVaryByRules.QueryKeys = "*"; // every filter, sort and cursor (the default policy's, not ours by itself)
        context.CacheVaryByRules.HeaderNames = HeaderNames.Origin;
        context.HttpContext.Items[StartedKey] = AnswerEvictionLog.Now;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        var keep =
            response.StatusCode == StatusCodes.Status200OK
            && response.Headers.SetCookie.Count == 0
            && response.Headers.CacheControl.ToString().StartsWith("public", StringComparison.Ordinal)
            && context.HttpContext.Items[StartedKey] is long started
            && !log.EvictedSince(context.Tags, started);
        if (!keep)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// When each answer tag was last evicted here, for a minute: an answer made while one of its tags was
/// evicted may hold what the eviction removed (read before the write committed), so it is not kept.
/// </summary>
public sealed class AnswerEvictionLog
{
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, long> evictedAt = new();

    public static long Now => Stopwatch.GetTimestamp();

    public void Record(string tag)
    {
        var now = Now;
        evictedAt[tag] = now;
        if (evictedAt.Count > 10_000)
            foreach (var (old, at) in evictedAt)
                if (Stopwatch.GetElapsedTime(at, now) > Remembered)
                    evictedAt.TryRemove(old, out _);
    }

    public bool EvictedSince(IEnumerable<string> tags, long started) =>
        Stopwatch.GetElapsedTime(started) > Remembered // longer ago than this remembers: assume so
        || tags.Any(tag => evictedAt.TryGetValue(tag, out var at) && at >= started);
}

/// <summary>Evicts answer tags from this instance's output cache.</summary>
internal sealed class AnswerEviction(IOutputCacheStore store, AnswerEvictionLog log) : IEvictionTarget
{
    public string Kind => AnswerTags.Kind;

    public ValueTask EvictAsync(string key)
    {
        log.Record(key); // first: an answer being made now is not kept even if it lands after the eviction
        return store.EvictByTagAsync(key, CancellationToken.None);
    }
}
