using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;

namespace ParticipativeDemocracy.Web.Data.Configurations;

internal sealed class JurySessionConfiguration : IEntityTypeConfiguration<JurySession>
{
    public void Configure(EntityTypeBuilder<JurySession> builder)
    {
        builder.HasOne<Process>().WithMany().HasForeignKey(s => s.ProcessId);
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.SpeakerName).HasMaxLength(100);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => s.ProcessId);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.HasOne<JurySession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.HasIndex(a => new { a.SessionId, a.Position }).IsUnique();
    }
}

internal sealed class SpeakerQueueEntryConfiguration : IEntityTypeConfiguration<SpeakerQueueEntry>
{
    public void Configure(EntityTypeBuilder<SpeakerQueueEntry> builder)
    {
        builder.HasOne<JurySession>().WithMany().HasForeignKey(q => q.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(q => q.DisplayName).HasMaxLength(100);
        builder.Property(q => q.Sequence).UseIdentityAlwaysColumn();
        builder.HasIndex(q => new { q.SessionId, q.UserId }).IsUnique();
    }
}

internal sealed class RoomConnectionConfiguration : IEntityTypeConfiguration<RoomConnection>
{
    public void Configure(EntityTypeBuilder<RoomConnection> builder)
    {
        builder.HasKey(c => c.ConnectionId);
        builder.Property(c => c.ConnectionId).HasMaxLength(100);
        builder.Property(c => c.DisplayName).HasMaxLength(100);
        builder.HasOne<JurySession>().WithMany().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.SessionId);
    }
}

internal sealed class SessionRecordEntryConfiguration : IEntityTypeConfiguration<SessionRecordEntry>
{
    public void Configure(EntityTypeBuilder<SessionRecordEntry> builder)
    {
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.HasOne<JurySession>().WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Kind).HasMaxLength(40);
        builder.Property(e => e.Text).HasMaxLength(2000);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.HasIndex(e => e.SessionId);
    }
}

internal sealed class StrawPollConfiguration : IEntityTypeConfiguration<StrawPoll>
{
    public void Configure(EntityTypeBuilder<StrawPoll> builder)
    {
        builder.HasOne<JurySession>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Question).HasMaxLength(500);
    }
}

internal sealed class StrawPollVoteConfiguration : IEntityTypeConfiguration<StrawPollVote>
{
    public void Configure(EntityTypeBuilder<StrawPollVote> builder)
    {
        builder.HasKey(v => new { v.PollId, v.UserId });
        builder.HasOne<StrawPoll>().WithMany().HasForeignKey(v => v.PollId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceItemConfiguration : IEntityTypeConfiguration<EvidenceItem>
{
    public void Configure(EntityTypeBuilder<EvidenceItem> builder)
    {
        builder.HasOne<Process>().WithMany().HasForeignKey(e => e.ProcessId);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Title).HasMaxLength(200);
        builder.Property(e => e.Url).HasMaxLength(2000);
        builder.Property(e => e.WitnessName).HasMaxLength(200);
        builder.Property(e => e.Statement).HasMaxLength(20000);
        builder.Property(e => e.FileName).HasMaxLength(200);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.HasIndex(e => e.ProcessId);
    }
}

internal sealed class WitnessQuestionConfiguration : IEntityTypeConfiguration<WitnessQuestion>
{
    public void Configure(EntityTypeBuilder<WitnessQuestion> builder)
    {
        builder.HasOne<Process>().WithMany().HasForeignKey(q => q.ProcessId);
        builder.Property(q => q.WitnessName).HasMaxLength(200);
        builder.Property(q => q.Question).HasMaxLength(2000);
        builder.Property(q => q.AskedByName).HasMaxLength(100);
        builder.Property(q => q.Answer).HasMaxLength(4000);
        builder.HasIndex(q => q.ProcessId);
    }
}

internal sealed class DeliberationRoundConfiguration : IEntityTypeConfiguration<DeliberationRound>
{
    public void Configure(EntityTypeBuilder<DeliberationRound> builder)
    {
        builder.HasOne<Process>().WithMany().HasForeignKey(r => r.ProcessId);
        builder.Property(r => r.Question).HasMaxLength(1000);
        builder.HasIndex(r => r.ProcessId);
        builder.HasIndex(r => r.ClosesAt).HasFilter("\"ClosedAt\" IS NULL");
    }
}

internal sealed class RoundContributionConfiguration : IEntityTypeConfiguration<RoundContribution>
{
    public void Configure(EntityTypeBuilder<RoundContribution> builder)
    {
        builder.HasOne<DeliberationRound>().WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.DisplayName).HasMaxLength(100);
        builder.Property(c => c.Stance).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Text).HasMaxLength(4000);
        builder.HasIndex(c => c.RoundId);
    }
}

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.HasOne<Process>().WithMany().HasForeignKey(r => r.ProcessId);
        builder.Property(r => r.Code).HasMaxLength(10);
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Text).HasMaxLength(4000);
        builder.Property(r => r.DraftedByName).HasMaxLength(100);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(r => new { r.ProcessId, r.Code }).IsUnique();
    }
}

internal sealed class RecommendationVoteConfiguration : IEntityTypeConfiguration<RecommendationVote>
{
    public void Configure(EntityTypeBuilder<RecommendationVote> builder)
    {
        builder.HasKey(v => new { v.RecommendationId, v.UserId });
        builder.HasOne<Recommendation>().WithMany().HasForeignKey(v => v.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(v => v.Choice).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class RecommendationResponseConfiguration : IEntityTypeConfiguration<RecommendationResponse>
{
    public void Configure(EntityTypeBuilder<RecommendationResponse> builder)
    {
        builder.HasOne<Recommendation>().WithMany().HasForeignKey(r => r.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Text).HasMaxLength(4000);
        builder.Property(r => r.Timeline).HasMaxLength(500);
        builder.Property(r => r.RecordedByName).HasMaxLength(256);
        builder.HasIndex(r => r.RecommendationId);
    }
}

internal sealed class JuryFollowerConfiguration : IEntityTypeConfiguration<JuryFollower>
{
    public void Configure(EntityTypeBuilder<JuryFollower> builder)
    {
        builder.HasKey(f => new { f.ProcessId, f.UserId });
        builder.HasOne<Process>().WithMany().HasForeignKey(f => f.ProcessId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
