using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Partnerships;

namespace ParticipativeDemocracy.Web.Data.Configurations;

internal sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder)
    {
        builder.HasKey(p => p.ProcessId);
        builder.HasOne<Process>().WithOne().HasForeignKey<Partnership>(p => p.ProcessId);
        builder.Property(p => p.Version).IsRowVersion();
    }
}

internal sealed class PartnershipMemberConfiguration : IEntityTypeConfiguration<PartnershipMember>
{
    public void Configure(EntityTypeBuilder<PartnershipMember> builder)
    {
        builder.HasOne<Process>().WithMany().HasForeignKey(m => m.ProcessId);
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Email).HasMaxLength(256);
        builder.Property(m => m.Role).HasMaxLength(200);
        builder.Property(m => m.Level).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => new { m.ProcessId, m.Email }).IsUnique();
    }
}

internal sealed class PartnershipMeetingConfiguration : IEntityTypeConfiguration<PartnershipMeeting>
{
    public void Configure(EntityTypeBuilder<PartnershipMeeting> builder)
    {
        builder.HasOne<Process>().WithMany().HasForeignKey(m => m.ProcessId);
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Agenda).HasMaxLength(8000);
        builder.Property(m => m.Minutes).HasMaxLength(20000);
        builder.HasIndex(m => new { m.ProcessId, m.HeldAt });
    }
}

internal sealed class PartnershipActionConfiguration : IEntityTypeConfiguration<PartnershipAction>
{
    public void Configure(EntityTypeBuilder<PartnershipAction> builder)
    {
        builder.HasOne<Process>().WithMany().HasForeignKey(a => a.ProcessId);
        builder.HasOne<PartnershipMeeting>().WithMany().HasForeignKey(a => a.MeetingId);
        builder.Property(a => a.Title).HasMaxLength(500);
        builder.Property(a => a.Owner).HasMaxLength(200);
        builder.Property(a => a.Note).HasMaxLength(2000);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class PartnershipFollowerConfiguration : IEntityTypeConfiguration<PartnershipFollower>
{
    public void Configure(EntityTypeBuilder<PartnershipFollower> builder)
    {
        builder.HasKey(f => new { f.ProcessId, f.Email });
        builder.HasOne<Process>().WithMany().HasForeignKey(f => f.ProcessId);
        builder.Property(f => f.Email).HasMaxLength(256);
    }
}

internal sealed class HealthCheckConfiguration : IEntityTypeConfiguration<HealthCheck>
{
    public void Configure(EntityTypeBuilder<HealthCheck> builder)
    {
        builder.HasOne<Process>().WithMany().HasForeignKey(h => h.ProcessId);
        builder.HasIndex(h => new { h.ProcessId, h.Round }).IsUnique();
    }
}

internal sealed class HealthCheckParticipationConfiguration : IEntityTypeConfiguration<HealthCheckParticipation>
{
    public void Configure(EntityTypeBuilder<HealthCheckParticipation> builder)
    {
        builder.HasKey(p => new { p.HealthCheckId, p.MemberId });
        builder.HasOne<HealthCheck>().WithMany().HasForeignKey(p => p.HealthCheckId);
        builder.HasOne<PartnershipMember>().WithMany().HasForeignKey(p => p.MemberId);
    }
}

internal sealed class HealthCheckAnswerConfiguration : IEntityTypeConfiguration<HealthCheckAnswer>
{
    public void Configure(EntityTypeBuilder<HealthCheckAnswer> builder)
    {
        builder.HasOne<HealthCheck>().WithMany().HasForeignKey(a => a.HealthCheckId);
        builder.Property(a => a.Level).HasConversion<string>().HasMaxLength(20);
    }
}
