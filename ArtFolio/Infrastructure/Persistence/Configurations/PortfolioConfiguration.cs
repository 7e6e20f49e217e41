using ArtFolio.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArtFolio.Infrastructure.Persistence.Configurations;

/// <summary>One table per portfolio section; each row belongs to a user and goes with the account.</summary>
internal sealed class PortfolioConfiguration
    : IEntityTypeConfiguration<PortfolioProject>,
        IEntityTypeConfiguration<PortfolioSkill>,
        IEntityTypeConfiguration<PortfolioExperience>,
        IEntityTypeConfiguration<PortfolioEducation>
{
    public void Configure(EntityTypeBuilder<PortfolioProject> project)
    {
        Common(project, "portfolio_projects");
        project.Property(p => p.Title).HasMaxLength(120);
        project.Property(p => p.Description).HasMaxLength(2000);
        project.Property(p => p.Url).HasMaxLength(2048);
    }

    public void Configure(EntityTypeBuilder<PortfolioSkill> skill)
    {
        Common(skill, "portfolio_skills");
        skill.Property(s => s.Name).HasMaxLength(60);
        skill.Property(s => s.Level).HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<PortfolioExperience> experience)
    {
        Common(experience, "portfolio_experience");
        experience.Property(e => e.Title).HasMaxLength(120);
        experience.Property(e => e.Organization).HasMaxLength(120);
        experience.Property(e => e.Description).HasMaxLength(2000);
    }

    public void Configure(EntityTypeBuilder<PortfolioEducation> education)
    {
        Common(education, "portfolio_education");
        education.Property(e => e.Institution).HasMaxLength(120);
        education.Property(e => e.Degree).HasMaxLength(120);
        education.Property(e => e.Field).HasMaxLength(120);
    }

    private static void Common<T>(EntityTypeBuilder<T> item, string table)
        where T : class, IPortfolioItem
    {
        item.ToTable(table);
        item.HasKey(i => i.Id);
        item.HasOne<User>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        item.HasIndex(i => i.UserId);
    }
}
