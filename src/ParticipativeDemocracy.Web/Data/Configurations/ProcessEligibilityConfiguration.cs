using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Data.Configurations;

internal sealed class ProcessEligibilityConfiguration : IEntityTypeConfiguration<ProcessEligibility>
{
    public void Configure(EntityTypeBuilder<ProcessEligibility> builder)
    {
        builder.HasKey(e => e.ProcessId);
        builder.HasOne<Process>().WithOne().HasForeignKey<ProcessEligibility>(e => e.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }
}
