using System.Net;
using System.Text;
using ArtFolio.Domain;
using ArtFolio.Features.Auth;
using ArtFolio.Infrastructure.Outbox;
using ArtFolio.Tests.Features.Artworks;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArtFolio.Tests.Features.Auth.AccountLifecycle;

using ChangeEmail = ArtFolio.Features.Users.ChangeEmail;
using ChangePassword = ArtFolio.Features.Auth.ChangePassword;
using Confirm = ArtFolio.Features.Auth.ConfirmVerification;
using CreateComment = ArtFolio.Features.Comments.Create;
using Forgot = ArtFolio.Features.Auth.ForgotPassword;
using Login = ArtFolio.Features.Auth.Login;
using Me = ArtFolio.Features.Users.Me;
using Reset = ArtFolio.Features.Auth.ResetPassword;
using SendVerification = ArtFolio.Features.Auth.SendVerification;
using Status = ArtFolio.Features.Operations.Status;

/// <summary>Email verification and password reset, end to end through a real SMTP listener.</summary>
public sealed class Tests
{
    private static FakeSmtpServer Mail => FakeSmtpServer.Shared;

    private static Task<HttpResponseMessage> ConfirmAsync(TestApp app, string token) =>
        app.Anonymous.POSTAsync<Confirm.Endpoint, Confirm.Request>(new() { Token = token });

    private static Task<HttpResponseMessage> ForgotAsync(TestApp app, string email) =>
        app.Anonymous.POSTAsync<Forgot.Endpoint, Forgot.Request>(new() { Email = email });

    private static Task<HttpResponseMessage> ResetAsync(TestApp app, string token, string password) =>
        app.Anonymous.POSTAsync<Reset.Endpoint, Reset.Request>(
            new()
            {
                Token = token,
                NewPassword = password,
                ConfirmPassword = password,
            }
        );

    private static async Task<HttpStatusCode> LoginAsync(TestApp app, TestUser user, string password) =>
        (
            await app.Anonymous.POSTAsync<Login.Endpoint, Login.Request, AuthResponse>(
                new() { Username = user.Username, Password = password }
            )
        )
            .Response
            .StatusCode;

    [Theory, AllDatabases]
    public async Task Registering_sends_a_verification_link_that_verifies_the_address_once(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        alice.Auth.User.EmailVerified.ShouldBeFalse();

        var mail = await Mail.WaitForAsync(alice.Email);
        mail.Subject.ShouldBe("Confirm your email address for ArtFolio");
        mail.TextBody!.ShouldContain("https://front.example/verify-email?token=");
        mail.HtmlBody!.ShouldContain("<a href=\"https://front.example/verify-email?token=");
        var token = FakeSmtpServer.TokenIn(mail);

        var confirmed = await app.Anonymous.POSTAsync<Confirm.Endpoint, Confirm.Request, Me.Response>(
            new() { Token = token }
        );
        var again = await ConfirmAsync(app, token);

        confirmed.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        confirmed.Result.EmailVerified.ShouldBeTrue();
        (await alice.Client.GETAsync<Me.Endpoint, Me.Response>()).Result.EmailVerified.ShouldBeTrue();
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.ReadProblemAsync()).Detail.ShouldBe(AccountTokens.Invalid);
        // Only the hash is stored.
        var stored = await app.QueryAsync(d => d.OneTimeTokens.Where(t => t.UserId == alice.Id).ToListAsync());
        stored.ShouldHaveSingleItem().ConsumedAt.ShouldNotBeNull();
        Convert.ToBase64String(stored[0].TokenHash).ShouldNotContain(token);
    }

    [Theory]
    [AllDatabases("garbage-that-was-never-issued")]
    [AllDatabases("")]
    public async Task A_token_that_was_never_issued_or_is_missing_is_400(Db db, string token)
    {
        var app = await TestApp.For(db);

        var confirm = await ConfirmAsync(app, token);
        var reset = await ResetAsync(app, token, "a new long password");

        confirm.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        reset.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        if (token.Length > 0)
        {
            (await confirm.ReadProblemAsync()).Detail.ShouldBe(AccountTokens.Invalid);
            (await reset.ReadProblemAsync()).Detail.ShouldBe(AccountTokens.Invalid);
        }
        else
            (await confirm.ReadProblemAsync()).Errors!.Keys.ShouldBe(["token"]);
    }

    [Theory, AllDatabases]
    public async Task An_expired_verification_link_is_400_with_the_same_words(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        var token = FakeSmtpServer.TokenIn(await Mail.WaitForAsync(alice.Email));

        app.Clock.Advance(TimeSpan.FromHours(49));
        var response = await ConfirmAsync(app, token);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Detail.ShouldBe(AccountTokens.Invalid);
    }

    [Theory, AllDatabases]
    public async Task Asking_for_another_verification_email_is_202_then_409_once_verified_and_429_past_the_limit(Db db)
    {
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?> { ["Accounts:EmailsPerHour"] = "3" }
        );
        var alice = await app.CreateUserAsync("alice"); // the first email

        var second = await alice.Client.POSTAsync<SendVerification.Endpoint, EmptyRequest>(EmptyRequest.Instance);
        var third = await alice.Client.POSTAsync<SendVerification.Endpoint, EmptyRequest>(EmptyRequest.Instance);
        var fourth = await alice.Client.POSTAsync<SendVerification.Endpoint, EmptyRequest>(EmptyRequest.Instance);

        second.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        third.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        fourth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        fourth.Headers.RetryAfter.ShouldNotBeNull();
        var latest = await Mail.WaitForAsync(alice.Email, count: 3);
        (await ConfirmAsync(app, FakeSmtpServer.TokenIn(latest))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var verified = await alice.Client.POSTAsync<SendVerification.Endpoint, EmptyRequest>(EmptyRequest.Instance);
        verified.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (
            await app.Anonymous.POSTAsync<SendVerification.Endpoint, EmptyRequest>(EmptyRequest.Instance)
        ).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, AllDatabases]
    public async Task Forgot_password_answers_the_same_for_any_address_and_mails_only_an_account(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var nobody = $"{TestApp.Unique("nobody")}@example.com";

        var known = await ForgotAsync(app, alice.Email.ToUpperInvariant());
        var unknown = await ForgotAsync(app, nobody);

        known.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        unknown.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await known.Content.ReadAsStringAsync()).ShouldBe(await unknown.Content.ReadAsStringAsync());
        var mail = await Mail.WaitForAsync(alice.Email, count: 2); // the verification, then the reset
        mail.Subject.ShouldBe("Reset your ArtFolio password");
        mail.TextBody!.ShouldContain("https://front.example/reset-password?token=");
        await TestApp.EventuallyAsync(
            () =>
                app.QueryAsync(d =>
                    d.Outbox.CountAsync(m => m.Topic == "password-reset-request" && m.DispatchedAt == null)
                ),
            n => n == 0
        );
        Mail.MessagesTo(nobody).ShouldBeEmpty();
    }

    [Theory, AllDatabases]
    public async Task Resetting_the_password_ends_every_session_and_the_new_password_logs_in(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        await ForgotAsync(app, alice.Email);
        var token = FakeSmtpServer.TokenIn(await Mail.WaitForAsync(alice.Email, count: 2));

        var reset = await ResetAsync(app, token, "a brand new password");
        var reused = await ResetAsync(app, token, "yet another password");

        reset.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        reused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await alice.Client.GETAsync<Me.Endpoint, Me.Response>()).Response.StatusCode.ShouldBe(
            HttpStatusCode.Unauthorized
        );
        (
            await app.Anonymous.POSTAsync<
                ArtFolio.Features.Auth.Refresh.Endpoint,
                ArtFolio.Features.Auth.Refresh.Request
            >(new() { RefreshToken = alice.Auth.RefreshToken })
        ).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await LoginAsync(app, alice, alice.Password)).ShouldBe(HttpStatusCode.Unauthorized);
        (await LoginAsync(app, alice, "a brand new password")).ShouldBe(HttpStatusCode.OK);
        (
            await app.QueryAsync(d =>
                d.Sessions.Where(s => s.UserId == alice.Id && s.RevokedAt != null)
                    .Select(s => s.RevokedReason)
                    .FirstAsync()
            )
        ).ShouldBe("password-reset");
    }

    [Theory, AllDatabases]
    public async Task A_newer_reset_request_or_a_password_change_makes_older_links_stop_working(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        await ForgotAsync(app, alice.Email);
        var first = FakeSmtpServer.TokenIn(await Mail.WaitForAsync(alice.Email, count: 2));
        await ForgotAsync(app, alice.Email);
        var second = FakeSmtpServer.TokenIn(await Mail.WaitForAsync(alice.Email, count: 3));

        (await ResetAsync(app, first, "superseded password")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (
            await alice.Client.POSTAsync<ChangePassword.Endpoint, ChangePassword.Request>(
                new()
                {
                    CurrentPassword = alice.Password,
                    NewPassword = "changed by the owner",
                    ConfirmPassword = "changed by the owner",
                }
            )
        ).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ResetAsync(app, second, "too late now")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await LoginAsync(app, alice, "changed by the owner")).ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [AllDatabases("short", "short", "newPassword")]
    [AllDatabases("a long enough password", "another one entirely", "confirmPassword")]
    public async Task A_new_password_follows_the_registration_rules(
        Db db,
        string password,
        string confirm,
        string field
    )
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        await ForgotAsync(app, alice.Email);
        var token = FakeSmtpServer.TokenIn(await Mail.WaitForAsync(alice.Email, count: 2));

        var response = await app.Anonymous.POSTAsync<Reset.Endpoint, Reset.Request>(
            new()
            {
                Token = token,
                NewPassword = password,
                ConfirmPassword = confirm,
            }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe([field]);
        (await ResetAsync(app, token, "a valid new password")).StatusCode.ShouldBe(HttpStatusCode.NoContent); // not spent
    }

    [Theory, AllDatabases]
    public async Task Changing_the_email_unverifies_it_mails_both_addresses_and_old_links_stop_working(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        var oldLink = FakeSmtpServer.TokenIn(await Mail.WaitForAsync(alice.Email));
        var newEmail = $"{TestApp.Unique("alice.new")}@example.com";

        var wrongPassword = await alice.Client.PUTAsync<ChangeEmail.Endpoint, ChangeEmail.Request>(
            new() { Email = newEmail, Password = "not the password" }
        );
        var taken = await alice.Client.PUTAsync<ChangeEmail.Endpoint, ChangeEmail.Request>(
            new() { Email = bob.Email.ToUpperInvariant(), Password = alice.Password }
        );
        var changed = await alice.Client.PUTAsync<ChangeEmail.Endpoint, ChangeEmail.Request, Me.Response>(
            new() { Email = newEmail, Password = alice.Password }
        );

        wrongPassword.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrongPassword.ReadProblemAsync()).Errors!.Keys.ShouldBe(["password"]);
        taken.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        changed.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (changed.Result.Email, changed.Result.EmailVerified).ShouldBe((newEmail, false));
        var notice = await Mail.WaitForAsync(alice.Email, count: 2);
        notice.Subject.ShouldBe("Your ArtFolio email address was changed");
        notice.TextBody!.ShouldContain(newEmail);
        var newLink = FakeSmtpServer.TokenIn(await Mail.WaitForAsync(newEmail));

        (await ConfirmAsync(app, oldLink)).StatusCode.ShouldBe(HttpStatusCode.BadRequest); // proves the old address only
        (await ConfirmAsync(app, newLink)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LoginAsync(app, alice, alice.Password)).ShouldBe(HttpStatusCode.OK);
    }

    [Theory, AllDatabases]
    public async Task With_RequireVerifiedEmail_publishing_waits_for_a_verified_address(Db db)
    {
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?> { ["Accounts:RequireVerifiedEmail"] = "true" }
        );
        var alice = await app.CreateUserAsync("alice");
        var (upload, _) = await alice.Client.UploadAsync(TestMedia.Png(), ("title", "x"), ("category", "y"));
        var broadcast = await alice.Client.POSTAsync<
            ArtFolio.Features.Notifications.Broadcast.Endpoint,
            ArtFolio.Features.Notifications.Broadcast.Request
        >(new() { Message = "hello" });

        upload.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await upload.ReadProblemAsync()).Detail.ShouldBe(RequireVerifiedEmail.Detail);
        broadcast.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.QueryAsync(d => d.Artworks.CountAsync(a => a.ArtistId == alice.Id))).ShouldBe(0);
        app.MediaFiles().ShouldBeEmpty();

        await ConfirmAsync(app, FakeSmtpServer.TokenIn(await Mail.WaitForAsync(alice.Email)));
        var artwork = await alice.CreateArtworkAsync();
        var comment = await alice.Client.POSTAsync<CreateComment.Endpoint, CreateComment.Request>(
            new() { Id = artwork.Id, Body = "Verified now" }
        );
        comment.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Theory, AllDatabases]
    public async Task An_unverified_upload_is_refused_before_its_body_is_read(Db db)
    {
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?> { ["Accounts:RequireVerifiedEmail"] = "true" }
        );
        var alice = await app.CreateUserAsync("alice");
        using var watcher = new FileSystemWatcher(app.MediaRoot) { IncludeSubdirectories = true };
        var created = new List<string>();
        watcher.Created += (_, e) =>
        {
            lock (created)
                created.Add(e.FullPath);
        };
        watcher.EnableRaisingEvents = true;
        // 8 MB of image with no title: an invalid form, so a 400 would mean it was bound first.
        var body = TestMedia.Form(TestMedia.Png(2000, 1400, noise: true), [("category", "y")]);

        var response = await alice.Client.PostAsync(TestHttp.UrlOf<ArtFolio.Features.Artworks.Create.Endpoint>(), body);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ReadProblemAsync()).Detail.ShouldBe(RequireVerifiedEmail.Detail);
        await Task.Delay(200); // the watcher reports what it saw a moment later
        lock (created)
            created.ShouldBeEmpty();
        app.MediaFiles().ShouldBeEmpty();
    }

    [Theory, AllDatabases]
    public async Task Mail_the_server_refuses_is_kept_retried_and_reported_in_status(Db db)
    {
        await using var smtp = FakeSmtpServer.Start();
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?>
            {
                ["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Outbox:Dispatch"] = "false", // dispatched by hand below, attempt by attempt
            }
        );
        smtp.Refuse(int.MaxValue);
        var alice = await app.CreateUserAsync("alice");
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        async Task AttemptAsync()
        {
            await app.ExecuteAsync(d =>
                d.Outbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.AvailableAt, DateTime.UtcNow.AddMinutes(-1)))
            );
            await dispatcher.DispatchBatchAsync(CancellationToken.None);
        }

        for (var i = 0; i < 3; i++)
            await AttemptAsync();

        var kept = await app.QueryAsync(d => d.Outbox.AsNoTracking().SingleAsync(m => m.Topic == "email"));
        (kept.DispatchedAt, kept.Attempts).ShouldBe((null, 3));
        kept.LastError.ShouldNotBeNull();
        var (_, degraded) = await app.Anonymous.GETAsync<Status.Endpoint, Status.Response>();
        degraded.Status.ShouldBe(Status.Endpoint.Degraded);
        degraded.Services["email"].Detail!.ShouldContain("1 message(s) failing");

        smtp.Refuse(0);
        await AttemptAsync();

        (await smtp.WaitForAsync(alice.Email)).Subject.ShouldBe("Confirm your email address for ArtFolio");
        app.Clock.Advance(TimeSpan.FromSeconds(6)); // past the status report's cache period
        var (_, ok) = await app.Anonymous.GETAsync<Status.Endpoint, Status.Response>();
        ok.Services["email"].Status.ShouldBe(Status.Endpoint.Ok);
    }

    [Theory, AllDatabases]
    public async Task No_working_link_or_token_is_ever_written_to_the_database(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        await ForgotAsync(app, alice.Email);
        await Mail.WaitForAsync(alice.Email, count: 2);
        var mails = Mail.MessagesTo(alice.Email);
        var verification = FakeSmtpServer.TokenIn(mails.Single(m => m.Subject!.StartsWith("Confirm")));
        var reset = FakeSmtpServer.TokenIn(mails.Single(m => m.Subject!.StartsWith("Reset")));
        await TestApp.EventuallyAsync(
            () => app.QueryAsync(d => d.Outbox.CountAsync(m => m.DispatchedAt == null)),
            n => n == 0
        );

        // The outbox says whom and why; the token rows hold hashes.
        var payloads = await app.QueryAsync(d => d.Outbox.Select(m => m.Payload).ToListAsync());
        payloads.ShouldNotBeEmpty();
        foreach (var payload in payloads)
        {
            payload.ShouldNotContain(verification);
            payload.ShouldNotContain(reset);
            payload.ShouldNotContain("token=");
            payload.ShouldNotContain("http");
        }
        var hashes = await app.QueryAsync(d =>
            d.OneTimeTokens.Where(t => t.UserId == alice.Id).Select(t => t.TokenHash).ToListAsync()
        );
        hashes.Count.ShouldBe(2);
        hashes.ShouldContain(h => h.SequenceEqual(ArtFolio.Infrastructure.Auth.TokenService.Hash(verification)));
        hashes.ShouldContain(h => h.SequenceEqual(ArtFolio.Infrastructure.Auth.TokenService.Hash(reset)));
        // And nowhere else: on SQLite the whole database file (and its write-ahead log) is read as bytes.
        if (app.SqliteFile is { } file)
        {
            SqliteConnection.ClearAllPools();
            var everything = new StringBuilder();
            foreach (var part in new[] { file, file + "-wal" }.Where(File.Exists))
            {
                await using var stream = new FileStream(part, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream, Encoding.Latin1);
                everything.Append(await reader.ReadToEndAsync());
            }
            everything.ToString().ShouldNotContain(verification);
            everything.ToString().ShouldNotContain(reset);
        }
        else
            (
                await app.QueryAsync(d =>
                    d.Database.SqlQueryRaw<int>(
                            "SELECT count(*)::int AS \"Value\" FROM outbox o WHERE o::text LIKE {0} OR o::text LIKE {1}",
                            $"%{verification}%",
                            $"%{reset}%"
                        )
                        .SingleAsync()
                )
            ).ShouldBe(0);
    }

    [Theory, AllDatabases]
    public async Task A_retried_email_carries_a_new_link_and_the_failed_attempts_never_works(Db db)
    {
        await using var smtp = FakeSmtpServer.Start();
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?>
            {
                ["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Outbox:Dispatch"] = "false",
            }
        );
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        smtp.Refuse(int.MaxValue);
        var alice = await app.CreateUserAsync("alice");

        await dispatcher.DispatchBatchAsync(CancellationToken.None);
        var minted = await app.QueryAsync(d => d.OneTimeTokens.AsNoTracking().SingleAsync(t => t.UserId == alice.Id));
        smtp.Refuse(0);
        await app.ExecuteAsync(d =>
            d.Outbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.AvailableAt, DateTime.UtcNow.AddMinutes(-1)))
        );
        await dispatcher.DispatchBatchAsync(CancellationToken.None);

        var token = FakeSmtpServer.TokenIn(await smtp.WaitForAsync(alice.Email));
        var row = await app.QueryAsync(d => d.OneTimeTokens.AsNoTracking().SingleAsync(t => t.UserId == alice.Id));
        row.Id.ShouldBe(minted.Id); // the same token, superseded in place
        row.TokenHash.ShouldNotBe(minted.TokenHash);
        row.TokenHash.ShouldBe(ArtFolio.Infrastructure.Auth.TokenService.Hash(token));
        (await ConfirmAsync(app, token)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Without_smtp_outside_development_the_log_gets_no_link()
    {
        var pickup = Directory.CreateTempSubdirectory("artfolio-mail-").FullName;
        try
        {
            foreach (var (environment, logsLinks) in new[] { ("Production", false), ("Development", true) })
            {
                var log = new ListLogger<ArtFolio.Infrastructure.Email.PickupDirectoryEmailSender>();
                var sender = new ArtFolio.Infrastructure.Email.PickupDirectoryEmailSender(
                    new ArtFolio.Infrastructure.Email.EmailOptions { PickupDirectory = pickup },
                    new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment },
                    log
                );
                var link = "https://front.example/reset-password?token=secret-value";

                await sender.SendAsync(
                    new("ada@example.com", "Reset", $"Open {link}", $"<a href=\"{link}\">x</a>"),
                    CancellationToken.None
                );

                log.Messages.ShouldHaveSingleItem();
                log.Messages[0].Contains("secret-value").ShouldBe(logsLinks, environment);
            }
            Directory.GetFiles(pickup, "*.eml").Length.ShouldBe(2);
        }
        finally
        {
            Directory.Delete(pickup, recursive: true);
        }
    }

    [Theory, AllDatabases]
    public async Task Without_an_smtp_host_mail_is_written_to_the_pickup_directory(Db db)
    {
        var pickup = Directory.CreateTempSubdirectory("artfolio-mail-").FullName;
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?> { ["Email:Smtp:Host"] = "", ["Email:PickupDirectory"] = pickup }
        );
        try
        {
            var alice = await app.CreateUserAsync("alice");

            var files = await TestApp.EventuallyAsync(
                () => Task.FromResult(Directory.GetFiles(pickup, "*.eml")),
                f => f.Length > 0
            );

            var message = MimeKit.MimeMessage.Load(files.ShouldHaveSingleItem());
            message.To.Mailboxes.Single().Address.ShouldBe(alice.Email);
            FakeSmtpServer.TokenIn(message).ShouldNotBeNullOrEmpty();
            var (_, status) = await app.Anonymous.GETAsync<Status.Endpoint, Status.Response>();
            status.Services["email"].Detail!.ShouldStartWith("pickup directory");
        }
        finally
        {
            Directory.Delete(pickup, recursive: true);
        }
    }
}
