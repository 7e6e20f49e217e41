using System.Net;
using ArtFolio.Domain;
using ArtFolio.Features.Notifications;
using ArtFolio.Infrastructure.Outbox;
using ArtFolio.Infrastructure.Persistence;
using ArtFolio.Tests.Features.Artworks;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ArtFolio.Tests.Features.Notifications;

using DeleteArtwork = ArtFolio.Features.Artworks.Delete;
using Follow = ArtFolio.Features.Follows.Follow;
using Like = ArtFolio.Features.Likes.Like;

/// <summary>
/// Notifications go through an outbox written with the change that causes them: what a request
/// accepted is delivered even if the process dies before dispatching it.
/// </summary>
public sealed class OutboxTests
{
    private static readonly Dictionary<string, string?> NotDispatching = new() { ["Outbox:Dispatch"] = "false" };
    private static readonly Dictionary<string, string?> Dispatching = new() { ["Outbox:Dispatch"] = "true" };

    private static Task<int> NotificationsOfAsync(TestApp app, Guid userId, string type) =>
        app.QueryAsync(d => d.Notifications.CountAsync(n => n.RecipientId == userId && n.Type == type));

    [Theory, AllDatabases]
    public async Task What_was_accepted_before_the_process_died_is_delivered_after_restart(Db db)
    {
        await using var crashed = await TestApp.StartAsync(db, NotDispatching);
        var alice = await crashed.CreateUserAsync("alice");
        var bob = await crashed.CreateUserAsync("bob");
        (
            await bob.Client.POSTAsync<Follow.Endpoint, Follow.Request>(new() { Username = alice.Username })
        ).StatusCode.ShouldBe(HttpStatusCode.OK);
        await alice.CreateArtworkAsync("Posted just before the crash");

        // Committed with the follow and the upload, and not yet dispatched.
        (
            await crashed.QueryAsync(d =>
                d.Outbox.CountAsync(m => m.Topic == NotificationOutbox.Topic && m.DispatchedAt == null)
            )
        ).ShouldBe(2);
        (await NotificationsOfAsync(crashed, bob.Id, NotificationTypes.NewArtwork)).ShouldBe(0);
        crashed.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        await using var restarted = crashed.StartSibling(Dispatching);

        (
            await TestApp.EventuallyAsync(
                () => NotificationsOfAsync(restarted, bob.Id, NotificationTypes.NewArtwork),
                n => n > 0
            )
        ).ShouldBe(1);
        (
            await TestApp.EventuallyAsync(
                () => NotificationsOfAsync(restarted, alice.Id, NotificationTypes.NewFollower),
                n => n > 0
            )
        ).ShouldBe(1);
        var outbox = await restarted.QueryAsync(d =>
            d.Outbox.AsNoTracking().Where(m => m.Topic == NotificationOutbox.Topic).ToListAsync()
        );
        outbox.Count.ShouldBe(2);
        outbox.ShouldAllBe(m => m.DispatchedAt != null && m.Attempts == 1 && m.LastError == null);
    }

    [Theory, AllDatabases]
    public async Task An_artwork_deleted_before_its_news_went_out_is_a_quiet_no_op(Db db)
    {
        await using var app = await TestApp.StartAsync(db, NotDispatching);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        await bob.Client.POSTAsync<Follow.Endpoint, Follow.Request>(new() { Username = alice.Username });
        var artwork = await alice.CreateArtworkAsync("Gone before anyone heard");
        await alice.Client.DELETEAsync<DeleteArtwork.Endpoint, DeleteArtwork.Request>(new() { Id = artwork.Id });

        await using var dispatcher = app.StartSibling(Dispatching);
        var outbox = await TestApp.EventuallyAsync(
            () =>
                dispatcher.QueryAsync(d =>
                    d.Outbox.AsNoTracking().Where(m => m.Topic == NotificationOutbox.Topic).ToListAsync()
                ),
            messages => messages.All(m => m.DispatchedAt != null)
        );

        // Handled once, without an error or a retry; only the follow produced a notification.
        outbox.ShouldAllBe(m => m.DispatchedAt != null && m.Attempts == 1 && m.LastError == null);
        (await NotificationsOfAsync(dispatcher, bob.Id, NotificationTypes.NewArtwork)).ShouldBe(0);
        (await NotificationsOfAsync(dispatcher, alice.Id, NotificationTypes.NewFollower)).ShouldBe(1);
    }

    [Theory, AllDatabases]
    public async Task A_message_that_fails_is_kept_and_tried_again_later(Db db)
    {
        await using var app = await TestApp.StartAsync(db, NotDispatching);
        var message = new OutboxMessage
        {
            Topic = "no-such-topic",
            Payload = "{}",
            CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            AvailableAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        await app.ExecuteAsync(async d =>
        {
            d.Outbox.Add(message);
            await d.SaveChangesAsync();
        });

        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(CancellationToken.None);

        var kept = await app.QueryAsync(d => d.Outbox.AsNoTracking().SingleAsync(m => m.Id == message.Id));
        kept.DispatchedAt.ShouldBeNull();
        kept.Attempts.ShouldBe(1);
        kept.LastError.ShouldNotBeNull().ShouldContain("no-such-topic");
        kept.ClaimedUntil.ShouldBeNull();
        kept.AvailableAt.ShouldBe(message.AvailableAt + OutboxDispatcher.Backoff(1), TimeSpan.FromSeconds(5));
        // Not due yet: another pass leaves it alone.
        (
            await app.Services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(CancellationToken.None)
        ).ShouldBe(0);
    }

    /// <summary>
    /// Two instances dispatching on one database, with a handler so slow that a batch outlasts the claim
    /// duration many times over: the claims are kept alive, and every notification is stored once.
    /// </summary>
    [Theory, AllDatabases]
    public async Task A_slow_batch_keeps_its_claims_and_nothing_is_stored_twice(Db db)
    {
        await using var app = await TestApp.StartAsync(db, NotDispatching);
        var alice = await app.CreateUserAsync("alice");
        var artwork = await alice.CreateArtworkAsync();
        const int likers = 8;
        for (var i = 0; i < likers; i++)
        {
            var fan = await app.CreateUserAsync("fan");
            await fan.Client.POSTAsync<Like.Endpoint, Like.Request>(new() { Id = artwork.Id });
        }
        var slow = new SlowNotificationInserts(TimeSpan.FromMilliseconds(400));
        var fastClaims = new Dictionary<string, string?>
        {
            ["Outbox:Dispatch"] = "true",
            ["Outbox:ClaimDuration"] = "00:00:00.600",
            ["Outbox:PollInterval"] = "00:00:00.100",
        };

        await using var first = app.StartSibling(fastClaims, slow);
        await using var second = app.StartSibling(fastClaims, slow);

        await TestApp.EventuallyAsync(
            () => app.QueryAsync(d => d.Outbox.CountAsync(m => m.DispatchedAt == null)),
            n => n == 0,
            seconds: 30
        );
        await Task.Delay(1000); // a late duplicate would land now
        var stored = await app.QueryAsync(d =>
            d.Notifications.Where(n => n.RecipientId == alice.Id && n.Type == NotificationTypes.Like)
                .Select(n => n.ActorId)
                .ToListAsync()
        );
        stored.Count.ShouldBe(likers);
        stored.Distinct().Count().ShouldBe(likers);
        slow.Inserts.ShouldBeGreaterThanOrEqualTo(likers);
    }

    /// <summary>
    /// SIGTERM in the middle of a batch: the dispatcher stops, and every message of the batch it did not
    /// finish is handed back at once (no claim left to lapse), for another instance to take now.
    /// </summary>
    [Theory, AllDatabases]
    public async Task Stopping_hands_back_the_claims_of_the_batch_in_hand(Db db)
    {
        await using var app = await TestApp.StartAsync(db, NotDispatching);
        var alice = await app.CreateUserAsync("alice");
        var artwork = await alice.CreateArtworkAsync();
        for (var i = 0; i < 3; i++)
        {
            var fan = await app.CreateUserAsync("fan");
            await fan.Client.POSTAsync<Like.Endpoint, Like.Request>(new() { Id = artwork.Id });
        }
        var slow = new SlowNotificationInserts(TimeSpan.FromSeconds(5));
        await using var stopping = app.StartSibling(NotDispatching, slow);
        using var sigterm = new CancellationTokenSource();

        var batch = stopping.Services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(sigterm.Token);
        await TestApp.EventuallyAsync(() => Task.FromResult(slow.Inserts), n => n > 0); // the first is in hand
        await sigterm.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(batch);

        var outbox = await app.QueryAsync(d =>
            d.Outbox.AsNoTracking().Where(m => m.Topic == NotificationOutbox.Topic).ToListAsync()
        );
        // The upload's news (no followers: done at once) and three likes, interrupted at the first.
        outbox.Count.ShouldBe(4);
        var handedBack = outbox.Where(m => m.DispatchedAt == null).ToList();
        handedBack.Count.ShouldBe(3);
        handedBack.ShouldAllBe(m => m.ClaimedUntil == null && m.ClaimToken == null);
        // Taken at once by the next dispatcher, not a claim duration later.
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(CancellationToken.None);
        var ids = handedBack.Select(m => m.Id).ToList();
        (await app.QueryAsync(d => d.Outbox.CountAsync(m => ids.Contains(m.Id) && m.DispatchedAt != null))).ShouldBe(3);
        (await NotificationsOfAsync(app, alice.Id, NotificationTypes.Like)).ShouldBe(3);
    }

    /// <summary>A handler made slow: each save that stores notifications waits first.</summary>
    private sealed class SlowNotificationInserts(TimeSpan delay) : SaveChangesInterceptor
    {
        private int inserts;
        public int Inserts => Volatile.Read(ref inserts);

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData,
            InterceptionResult<int> result,
            CancellationToken cancellationToken = default
        )
        {
            if (eventData.Context!.ChangeTracker.Entries<Notification>().Any(e => e.State == EntityState.Added))
            {
                Interlocked.Increment(ref inserts);
                await Task.Delay(delay, cancellationToken);
            }
            return result;
        }
    }

    /// <summary>Two dispatching instances on one PostgreSQL database deliver each message once.</summary>
    [PostgresFact]
    public async Task Two_dispatching_instances_deliver_each_notification_once()
    {
        await using var app = await TestApp.StartAsync(Db.Postgres, NotDispatching);
        var alice = await app.CreateUserAsync("alice");
        var artwork = await alice.CreateArtworkAsync();
        const int likers = 30;
        for (var i = 0; i < likers; i++)
        {
            var fan = await app.CreateUserAsync("fan");
            await fan.Client.POSTAsync<Like.Endpoint, Like.Request>(new() { Id = artwork.Id });
        }

        await using var first = app.StartSibling(Dispatching);
        await using var second = app.StartSibling(Dispatching);

        var delivered = await TestApp.EventuallyAsync(
            () => NotificationsOfAsync(app, alice.Id, NotificationTypes.Like),
            n => n >= likers,
            seconds: 20
        );
        await Task.Delay(1500); // a duplicate would land now
        delivered.ShouldBe(likers);
        (await NotificationsOfAsync(app, alice.Id, NotificationTypes.Like)).ShouldBe(likers);
        (await app.QueryAsync(d => d.Outbox.CountAsync(m => m.DispatchedAt == null))).ShouldBe(0);
    }

    [Theory, AllDatabases]
    public async Task Housekeeping_purges_what_can_no_longer_be_used_and_keeps_the_rest(Db db)
    {
        await using var app = await TestApp.StartAsync(db, NotDispatching);
        var alice = await app.CreateUserAsync("alice"); // an open session with a live refresh token
        var bob = await app.CreateUserAsync("bob");
        await bob.Client.POSTAsync<ArtFolio.Features.Auth.LogoutAll.Endpoint, EmptyRequest>(EmptyRequest.Instance);
        // Sending alice's verification email mints its token (dispatched by hand: this app does not dispatch).
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(CancellationToken.None);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.ExecuteAsync(async d =>
        {
            d.Outbox.AddRange(
                new OutboxMessage
                {
                    Topic = "x",
                    Payload = "{}",
                    CreatedAt = now,
                    AvailableAt = now,
                    DispatchedAt = now,
                },
                new OutboxMessage
                {
                    Topic = "x",
                    Payload = "{}",
                    CreatedAt = now,
                    AvailableAt = now,
                    LastError = "failing",
                }
            );
            // Stripe event ids: one received 25 days before the purge (kept), one 31 days before (forgotten).
            d.PaymentEvents.AddRange(
                new PaymentEvent
                {
                    Id = "evt_recent",
                    Type = "checkout.session.completed",
                    ReceivedAt = now.AddDays(8 - 25),
                },
                new PaymentEvent
                {
                    Id = "evt_old",
                    Type = "checkout.session.completed",
                    ReceivedAt = now.AddDays(8 - 31),
                }
            );
            await d.SaveChangesAsync();
        });

        app.Clock.Advance(TimeSpan.FromDays(8)); // past the week ended sessions and dispatched messages are kept
        var purged = await app.Services.GetRequiredService<Housekeeping>().PurgeAsync(CancellationToken.None);

        purged.Sessions.ShouldBeGreaterThanOrEqualTo(1);
        purged.OutboxMessages.ShouldBe(3); // the dispatched "x" and the two verification emails
        (await app.QueryAsync(d => d.Sessions.CountAsync(s => s.UserId == bob.Id))).ShouldBe(0);
        (await app.QueryAsync(d => d.Sessions.CountAsync(s => s.UserId == alice.Id))).ShouldBe(1);
        (await app.QueryAsync(d => d.Outbox.SingleAsync(m => m.Topic == "x"))).LastError.ShouldBe("failing"); // undelivered: kept
        purged.PaymentEvents.ShouldBe(1);
        (await app.QueryAsync(d => d.PaymentEvents.Select(e => e.Id).ToListAsync())).ShouldBe(["evt_recent"]);
        // The verification link (48 h) expired on day 2: kept a week after that, like other used tokens.
        (await app.QueryAsync(d => d.OneTimeTokens.CountAsync(t => t.UserId == alice.Id))).ShouldBe(1);

        app.Clock.Advance(TimeSpan.FromDays(7)); // alice's refresh token (14 days) has now expired too
        purged = await app.Services.GetRequiredService<Housekeeping>().PurgeAsync(CancellationToken.None);

        purged.RefreshTokens.ShouldBeGreaterThanOrEqualTo(1);
        (await app.QueryAsync(d => d.RefreshTokens.CountAsync(t => t.Session.UserId == alice.Id))).ShouldBe(0);
        (await app.QueryAsync(d => d.Sessions.CountAsync(s => s.UserId == alice.Id))).ShouldBe(0);
        purged.OneTimeTokens.ShouldBeGreaterThanOrEqualTo(1);
        (await app.QueryAsync(d => d.OneTimeTokens.CountAsync(t => t.UserId == alice.Id))).ShouldBe(0);
    }
}
