using ArtFolio.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ArtFolio.Infrastructure.Persistence;

/// <summary>
/// The one model. Each database has a derived context (<see cref="SqliteAppDbContext"/>,
/// <see cref="PostgresAppDbContext"/>) so that each gets migrations generated for its own column types;
/// slices ask for this type and get the one in use.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<Artwork> Artworks => Set<Artwork>();
    public DbSet<ArtworkTag> ArtworkTags => Set<ArtworkTag>();
    public DbSet<PortfolioProject> PortfolioProjects => Set<PortfolioProject>();
    public DbSet<PortfolioSkill> PortfolioSkills => Set<PortfolioSkill>();
    public DbSet<PortfolioExperience> PortfolioExperience => Set<PortfolioExperience>();
    public DbSet<PortfolioEducation> PortfolioEducation => Set<PortfolioEducation>();
    public DbSet<Like> Likes => Set<Like>();
    public DbSet<RecentLikes> RecentLikes => Set<RecentLikes>();
    public DbSet<RecentLikesWindow> RecentLikesWindows => Set<RecentLikesWindow>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<Follow> Follows => Set<Follow>();
    public DbSet<Download> Downloads => Set<Download>();
    public DbSet<ExternalDownload> ExternalDownloads => Set<ExternalDownload>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<OneTimeToken> OneTimeTokens => Set<OneTimeToken>();
    public DbSet<MaintenanceJob> MaintenanceJobs => Set<MaintenanceJob>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<PaymentEvent> PaymentEvents => Set<PaymentEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands back DateTime with Kind=Unspecified; every time we store is UTC, so say so on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter()
        : ValueConverter<DateTime, DateTime>(
            v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
            v => DateTime.SpecifyKind(v, DateTimeKind.Utc)
        );
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Full-text search (PostgresArtworkSearch): stored tsvectors the database keeps from the row
        // itself, each under a GIN index: all three fields (weighted title A, tags B, description C),
        // and the title alone and with the tags, one a relevance tier, so that a tier's matches are read
        // from its own index (weights would be checked on every row holding the word anywhere).
        // SQLite's FTS5 index is a virtual table its migration creates by SQL (EF has no model for it).
        modelBuilder.Entity<Artwork>(artwork =>
        {
            artwork
                .Property<NpgsqlTypes.NpgsqlTsVector>("SearchVector")
                .HasComputedColumnSql(
                    """
                    setweight(to_tsvector('english', coalesce("Title", '')), 'A')
                    || setweight(to_tsvector('english', coalesce("TagText", '')), 'B')
                    || setweight(to_tsvector('english', coalesce("Description", '')), 'C')
                    """,
                    stored: true
                );
            artwork.HasIndex("SearchVector").HasMethod("GIN");
            artwork
                .Property<NpgsqlTypes.NpgsqlTsVector>("TitleVector")
                .HasComputedColumnSql("""to_tsvector('english', coalesce("Title", ''))""", stored: true);
            artwork.HasIndex("TitleVector").HasMethod("GIN");
            artwork
                .Property<NpgsqlTypes.NpgsqlTsVector>("TitleTagsVector")
                .HasComputedColumnSql(
                    """
                    to_tsvector('english', coalesce("Title", ''))
                    || to_tsvector('english', coalesce("TagText", ''))
                    """,
                    stored: true
                );
            artwork.HasIndex("TitleTagsVector").HasMethod("GIN");
        });
    }
}
