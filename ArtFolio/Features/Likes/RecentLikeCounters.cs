using ArtFolio.Domain;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Likes;

/// <summary>
/// The popular ranking's counters (<see cref="RecentLikes"/>), so that ranking a period reads the top of
/// an index instead of counting every like of the period. A like adds one to each period's counter of
/// its artwork; taking it back subtracts from the periods it is still counted in; likes that aged out
/// of a period are subtracted when that period is next ranked, found by time among only the likes that
/// crossed its boundary since (<see cref="RecentLikesWindow"/> says how far that got). The migration that
/// added the counters counted the likes given before; should the windows be missing (likes loaded behind
/// the app's back), the next ranking counts every period again from the likes.
/// </summary>
public static class RecentLikeCounters
{
    public static readonly IReadOnlyDictionary<LikePeriods, TimeSpan> Lengths = new Dictionary<LikePeriods, TimeSpan>
    {
        [LikePeriods.Day] = TimeSpan.FromDays(1),
        [LikePeriods.Week] = TimeSpan.FromDays(7),
        [LikePeriods.Month] = TimeSpan.FromDays(30),
    };

    /// <summary>
    /// How late a like may leave a period: ageing is a write, so rankings read within this of the last
    /// one (with the cache off) do not each make one.
    /// </summary>
    private static readonly TimeSpan AgeingStep = TimeSpan.FromSeconds(1);

    /// <summary>Counts a new like in every period (its row was inserted with <see cref="LikePeriods.All"/>).</summary>
    public static Task AddAsync(AppDbContext db, Guid artworkId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO recent_likes ("Period", "ArtworkId", "Likes")
            VALUES ({(int)LikePeriods.Day}, {artworkId}, 1), ({(int)LikePeriods.Week}, {artworkId}, 1), ({(int)
                LikePeriods.Month}, {artworkId}, 1)
            ON CONFLICT ("Period", "ArtworkId") DO UPDATE SET "Likes" = recent_likes."Likes" + 1
            """,
            cancellationToken
        );

    /// <summary>
    /// Deletes the caller's like and answers the periods it was still counted in (null when there was
    /// no like). Row locks order this with <see cref="AgeAsync"/>: whichever comes second sees the other's
    /// effect, so a like is never subtracted twice.
    /// </summary>
    public static async Task<LikePeriods?> DeleteLikeAsync(
        AppDbContext db,
        Guid artworkId,
        Guid userId,
        CancellationToken cancellationToken
    )
    {
        var countedIn = await db
            .Database.SqlQuery<int>(
                $"""DELETE FROM likes WHERE "ArtworkId" = {artworkId} AND "UserId" = {userId} RETURNING "CountedIn" AS "Value" """
            )
            .ToListAsync(cancellationToken);
        return countedIn.Count == 0 ? null : (LikePeriods)countedIn[0];
    }

    public static Task SubtractAsync(
        AppDbContext db,
        Guid artworkId,
        LikePeriods countedIn,
        CancellationToken cancellationToken
    ) =>
        db
            .RecentLikes.Where(r => r.ArtworkId == artworkId && (r.Period & countedIn) != 0)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Likes, r => r.Likes - 1), cancellationToken);

    /// <summary>Counts again the given artworks' counters from their likes (after a cascade removed some).</summary>
    public static Task RecountAsync(AppDbContext db, List<Guid> artworkIds, CancellationToken cancellationToken) =>
        db
            .RecentLikes.Where(r => artworkIds.Contains(r.ArtworkId))
            .ExecuteUpdateAsync(
                s =>
                    s.SetProperty(
                        r => r.Likes,
                        r => db.Likes.Count(l => l.ArtworkId == r.ArtworkId && (l.CountedIn & r.Period) != 0)
                    ),
                cancellationToken
            );

    /// <summary>The period's most liked artworks as of <paramref name="now"/>, most liked (then newest id) first.</summary>
    public static async Task<List<Guid>> RankAsync(
        AppDbContext db,
        LikePeriods period,
        DateTime now,
        int limit,
        CancellationToken cancellationToken
    )
    {
        var countedSince = await db
            .RecentLikesWindows.Where(w => w.Period == period)
            .Select(w => (DateTime?)w.CountedSince)
            .SingleOrDefaultAsync(cancellationToken);
        if (countedSince is null)
            await BuildAsync(db, now, CancellationToken.None); // a caller giving up must not undo it for the next
        else if (countedSince < now - Lengths[period] - AgeingStep)
            await AgeAsync(db, period, countedSince.Value, now - Lengths[period], cancellationToken);

        return await db
            .RecentLikes.Where(r => r.Period == period && r.Likes > 0)
            .OrderByDescending(r => r.Likes)
            .ThenByDescending(r => r.ArtworkId)
            .Select(r => r.ArtworkId)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Subtracts the likes given in [from, to) from the period's counters, and moves its window to <paramref name="to"/>.</summary>
    private static async Task AgeAsync(
        AppDbContext db,
        LikePeriods period,
        DateTime from,
        DateTime to,
        CancellationToken cancellationToken
    )
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Marking the likes first locks them: an unlike at the same moment waits and then subtracts only
        // the periods left, and a second instance ageing the same range finds them marked already.
        var remaining = (int)(LikePeriods.All & ~period);
        var aged = await db
            .Database.SqlQuery<Guid>(
                $"""
                UPDATE likes SET "CountedIn" = "CountedIn" & {remaining}
                WHERE "CreatedAt" >= {from} AND "CreatedAt" < {to} AND ("CountedIn" & {(int)period}) <> 0
                RETURNING "ArtworkId" AS "Value"
                """
            )
            .ToListAsync(cancellationToken);
        // One update per distinct number of aged likes (mostly one or two), each over its artworks.
        foreach (var byCount in aged.CountBy(id => id).GroupBy(c => c.Value, c => c.Key))
        {
            var (count, artworks) = (byCount.Key, byCount.ToList());
            await db
                .RecentLikes.Where(r => r.Period == period && artworks.Contains(r.ArtworkId))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Likes, r => r.Likes - count), cancellationToken);
        }
        await db.RecentLikes.Where(r => r.Period == period && r.Likes <= 0).ExecuteDeleteAsync(cancellationToken);
        await db
            .RecentLikesWindows.Where(w => w.Period == period && w.CountedSince < to)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.CountedSince, to), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Counts every period from the likes themselves, when no window exists.</summary>
    private static async Task BuildAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var (day, week, month) = (
            now - Lengths[LikePeriods.Day],
            now - Lengths[LikePeriods.Week],
            now - Lengths[LikePeriods.Month]
        );
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Claiming the windows first: another instance building at the same moment waits on these keys,
        // then finds them taken and leaves the counting to this one.
        var claimed = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO recent_likes_windows ("Period", "CountedSince")
            VALUES ({(int)LikePeriods.Day}, {day}), ({(int)LikePeriods.Week}, {week}), ({(int)
                LikePeriods.Month}, {month})
            ON CONFLICT DO NOTHING
            """,
            cancellationToken
        );
        if (claimed == 0)
            return;
        await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE likes SET "CountedIn" =
                CASE WHEN "CreatedAt" >= {day} THEN {(int)LikePeriods.Day} ELSE 0 END
                + CASE WHEN "CreatedAt" >= {week} THEN {(int)LikePeriods.Week} ELSE 0 END
                + CASE WHEN "CreatedAt" >= {month} THEN {(int)LikePeriods.Month} ELSE 0 END
            WHERE "CreatedAt" >= {month} OR "CountedIn" <> 0
            """,
            cancellationToken
        );
        await db.RecentLikes.ExecuteDeleteAsync(cancellationToken);
        foreach (
            var (period, since) in new[]
            {
                (LikePeriods.Day, day),
                (LikePeriods.Week, week),
                (LikePeriods.Month, month),
            }
        )
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO recent_likes ("Period", "ArtworkId", "Likes")
                SELECT {(int)period}, "ArtworkId", COUNT(*) FROM likes WHERE "CreatedAt" >= {since} GROUP BY "ArtworkId"
                """,
                cancellationToken
            );
        await transaction.CommitAsync(cancellationToken);
    }
}
