using ArtFolio.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArtFolio.Infrastructure.Persistence.Configurations;

internal sealed class MaintenanceJobConfiguration : IEntityTypeConfiguration<MaintenanceJob>
{
    public void Configure(EntityTypeBuilder<MaintenanceJob> job)
    {
        job.ToTable("maintenance_jobs");
        job.HasKey(j => j.Name);
        job.Property(j => j.Name).HasMaxLength(60);
        job.Property(j => j.Phase).HasMaxLength(40);
    }
}
