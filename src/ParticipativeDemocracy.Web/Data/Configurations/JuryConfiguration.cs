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
