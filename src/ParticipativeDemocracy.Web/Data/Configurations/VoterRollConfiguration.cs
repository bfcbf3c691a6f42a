using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Data.Configurations;

internal sealed class VoterRollConfiguration :
    IEntityTypeConfiguration<VoterRoll>, IEntityTypeConfiguration<VoterRollUpload>, IEntityTypeConfiguration<VoterRollEntry>,
    IEntityTypeConfiguration<VoterRollProblem>, IEntityTypeConfiguration<RollVerification>
{
    public const string OneAccountPerEntry = "IX_RollVerifications_EntryId";
    public const string OneEntryPerAccount = "IX_RollVerifications_RollId_UserId";

    public void Configure(EntityTypeBuilder<VoterRoll> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId);
        builder.HasOne<Process>().WithMany().HasForeignKey(r => r.ProcessId);
    }

    public void Configure(EntityTypeBuilder<VoterRollUpload> builder)
    {
        builder.HasKey(u => u.RollId);
        builder.HasOne<VoterRoll>().WithOne().HasForeignKey<VoterRollUpload>(u => u.RollId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<VoterRollEntry> builder)
    {
        builder.Property(e => e.ReferenceHash).HasMaxLength(64);
        builder.Property(e => e.MatchHash).HasMaxLength(64);
        builder.Property(e => e.District).HasMaxLength(100);
        builder.HasIndex(e => new { e.RollId, e.ReferenceHash }).IsUnique();
        builder.HasIndex(e => new { e.RollId, e.MatchHash });
        builder.HasOne<VoterRoll>().WithMany().HasForeignKey(e => e.RollId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<VoterRollProblem> builder)
    {
        builder.Property(p => p.Reason).HasMaxLength(300);
        builder.HasIndex(p => new { p.RollId, p.RowNumber });
        builder.HasOne<VoterRoll>().WithMany().HasForeignKey(p => p.RollId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RollVerification> builder)
    {
        builder.HasIndex(v => v.EntryId).IsUnique().HasDatabaseName(OneAccountPerEntry);
        builder.HasIndex(v => new { v.RollId, v.UserId }).IsUnique().HasDatabaseName(OneEntryPerAccount);
        builder.HasOne<VoterRollEntry>().WithMany().HasForeignKey(v => v.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
