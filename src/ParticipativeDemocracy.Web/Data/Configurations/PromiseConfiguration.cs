using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Promises;

namespace ParticipativeDemocracy.Web.Data.Configurations;

internal sealed class ParticipationPromiseConfiguration : IEntityTypeConfiguration<ParticipationPromise>
{
    public void Configure(EntityTypeBuilder<ParticipationPromise> builder)
    {
        builder.HasKey(p => p.ProcessId);
        builder.HasOne<Process>().WithOne().HasForeignKey<ParticipationPromise>(p => p.ProcessId);
        builder.Property(p => p.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Text).HasMaxLength(2000);
        builder.Property(p => p.OfficerEmail).HasMaxLength(256);
        builder.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.ProcessId);
        builder.Property(p => p.Version).IsRowVersion();
    }
}

internal sealed class PromiseItemConfiguration : IEntityTypeConfiguration<PromiseItem>
{
    public void Configure(EntityTypeBuilder<PromiseItem> builder)
    {
        builder.Property(i => i.Text).HasMaxLength(1000);
        builder.Property(i => i.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Evidence).HasMaxLength(4000);
        builder.Property(i => i.EvidenceUrl).HasMaxLength(1000);
        builder.HasIndex(i => new { i.ProcessId, i.DueAt });
    }
}
