using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Data.Configurations;

internal sealed class VotingCodeConfiguration : IEntityTypeConfiguration<VotingCodeBatch>, IEntityTypeConfiguration<VotingCode>
{
    public void Configure(EntityTypeBuilder<VotingCodeBatch> builder)
    {
        builder.Property(b => b.District).HasMaxLength(100);
        builder.HasOne<Process>().WithMany().HasForeignKey(b => b.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<VotingCode> builder)
    {
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        builder.HasIndex(c => c.CodeHash).IsUnique();
        builder.HasOne<VotingCodeBatch>().WithMany().HasForeignKey(c => c.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
