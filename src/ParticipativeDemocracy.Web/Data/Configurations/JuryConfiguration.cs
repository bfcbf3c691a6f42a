using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Data.Configurations;

internal sealed class JurySettingsConfiguration : IEntityTypeConfiguration<JurySettings>
{
    public void Configure(EntityTypeBuilder<JurySettings> builder)
    {
        builder.HasKey(j => j.ProcessId);
        builder.HasOne<Process>().WithOne().HasForeignKey<JurySettings>(j => j.ProcessId);
        builder.Property(j => j.Remit).HasMaxLength(2000);
        builder.Property(j => j.Schedule).HasColumnType("jsonb").HasDefaultValueSql("'[]'::jsonb");
        builder.Property(j => j.Version).IsRowVersion();
    }
}

internal sealed class JuryPanelMemberConfiguration : IEntityTypeConfiguration<JuryPanelMember>
{
    public void Configure(EntityTypeBuilder<JuryPanelMember> builder)
    {
        builder.HasOne<Process>().WithMany().HasForeignKey(m => m.ProcessId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId);
        builder.Property(m => m.DisplayName).HasMaxLength(100);
        builder.Property(m => m.PlayerLevel).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => new { m.ProcessId, m.UserId }).IsUnique();
    }
}

internal sealed class JuryQuotaConfiguration : IEntityTypeConfiguration<JuryQuota>
{
    public void Configure(EntityTypeBuilder<JuryQuota> builder)
    {
        builder.HasOne<Process>().WithMany().HasForeignKey(q => q.ProcessId);
        builder.Property(q => q.Category).HasMaxLength(60);
        builder.Property(q => q.Value).HasMaxLength(60);
        builder.HasIndex(q => new { q.ProcessId, q.Category, q.Value }).IsUnique();
    }
}

internal sealed class JuryVolunteerConfiguration : IEntityTypeConfiguration<JuryVolunteer>
{
    public void Configure(EntityTypeBuilder<JuryVolunteer> builder)
    {
        builder.HasOne<Process>().WithMany().HasForeignKey(v => v.ProcessId);
        builder.Property(v => v.Reference).HasMaxLength(60);
        builder.Property(v => v.Name).HasMaxLength(200);
        builder.Property(v => v.Email).HasMaxLength(256);
        builder.Property(v => v.Features).HasColumnType("jsonb");
        builder.Property(v => v.AddressLine1).HasMaxLength(200);
        builder.Property(v => v.Postcode).HasMaxLength(20);
        builder.Property(v => v.Availability).HasMaxLength(1000);
        builder.Property(v => v.AccessNeeds).HasMaxLength(1000);
        builder.Property(v => v.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.DrawId).HasMaxLength(20);
        builder.Property(v => v.AvailableSessions).HasDefaultValueSql("'{}'::integer[]");
        builder.HasIndex(v => new { v.ProcessId, v.Reference }).IsUnique();
        builder.HasIndex(v => new { v.ProcessId, v.Email }).IsUnique();
    }
}

internal sealed class JuryDrawConfiguration : IEntityTypeConfiguration<JuryDraw>
{
    public void Configure(EntityTypeBuilder<JuryDraw> builder)
    {
        builder.HasOne<Process>().WithMany().HasForeignKey(d => d.ProcessId);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Algorithm).HasMaxLength(20);
        builder.Property(d => d.InputHash).HasMaxLength(64);
        builder.Property(d => d.Progress).HasMaxLength(500);
        builder.Property(d => d.Relaxation).HasColumnType("jsonb");
        // At most one draw queued or running per jury, whatever races the officers' clicks.
        builder.HasIndex(d => d.ProcessId, "IX_JuryDraws_OneActive").IsUnique().HasFilter("\"Status\" IN ('Queued', 'Running')");
    }
}

internal sealed class JuryInvitationConfiguration : IEntityTypeConfiguration<JuryInvitation>
{
    public void Configure(EntityTypeBuilder<JuryInvitation> builder)
    {
        builder.HasOne<Process>().WithMany().HasForeignKey(i => i.ProcessId);
        builder.HasOne<JuryVolunteer>().WithMany().HasForeignKey(i => i.VolunteerId);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.ProcessId, i.VolunteerId }).IsUnique();
    }
}
