using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Data.Configurations;

// Rows naming a resident go with the resident's account (cascade), except comments, which stay in
// the thread without their author.
internal sealed class ProposalSupportConfiguration : IEntityTypeConfiguration<ProposalSupport>
{
    public void Configure(EntityTypeBuilder<ProposalSupport> builder)
    {
        builder.HasKey(s => new { s.ProjectId, s.UserId });
        builder.HasOne<BudgetProject>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.ProcessId);
    }
}

internal sealed class BudgetCommentConfiguration : IEntityTypeConfiguration<BudgetComment>
{
    public void Configure(EntityTypeBuilder<BudgetComment> builder)
    {
        builder.HasOne<BudgetProject>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<BudgetComment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(c => c.Body).HasMaxLength(2000);
        builder.Property(c => c.HiddenReason).HasMaxLength(500);
        builder.HasIndex(c => new { c.ProjectId, c.CreatedAt });
        builder.HasIndex(c => c.OpenReports).HasFilter("\"OpenReports\" > 0 AND \"HiddenAt\" IS NULL");
    }
}

internal sealed class CommentReportConfiguration : IEntityTypeConfiguration<CommentReport>
{
    public void Configure(EntityTypeBuilder<CommentReport> builder)
    {
        builder.HasKey(r => new { r.CommentId, r.ReporterId });
        builder.HasOne<BudgetComment>().WithMany().HasForeignKey(r => r.CommentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Reason).HasMaxLength(500);
    }
}

internal sealed class ProcessFollowerConfiguration : IEntityTypeConfiguration<ProcessFollower>
{
    public void Configure(EntityTypeBuilder<ProcessFollower> builder)
    {
        builder.HasKey(f => new { f.ProcessId, f.UserId });
        builder.HasOne<Process>().WithMany().HasForeignKey(f => f.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectFollowerConfiguration : IEntityTypeConfiguration<ProjectFollower>
{
    public void Configure(EntityTypeBuilder<ProjectFollower> builder)
    {
        builder.HasKey(f => new { f.ProjectId, f.UserId });
        builder.HasOne<BudgetProject>().WithMany().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectUpdateConfiguration : IEntityTypeConfiguration<ProjectUpdate>
{
    public void Configure(EntityTypeBuilder<ProjectUpdate> builder)
    {
        builder.HasOne<BudgetProject>().WithMany().HasForeignKey(u => u.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(u => u.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.Note).HasMaxLength(2000);
        builder.Property(u => u.Milestone).HasMaxLength(200);
        builder.HasIndex(u => new { u.ProjectId, u.PostedAt });
    }
}

internal sealed class BudgetFeedbackRunConfiguration : IEntityTypeConfiguration<BudgetFeedbackRun>
{
    public void Configure(EntityTypeBuilder<BudgetFeedbackRun> builder)
    {
        builder.HasKey(r => r.ProcessId);
        builder.HasOne<Process>().WithOne().HasForeignKey<BudgetFeedbackRun>(r => r.ProcessId);
    }
}
