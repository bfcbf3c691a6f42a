using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using System.Text.Json;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Data.Configurations;

internal sealed class BudgetSettingsConfiguration : IEntityTypeConfiguration<BudgetSettings>
{
    public void Configure(EntityTypeBuilder<BudgetSettings> builder)
    {
        builder.HasKey(b => b.ProcessId);
        builder.HasOne<Process>().WithOne().HasForeignKey<BudgetSettings>(b => b.ProcessId);
        builder.Property(b => b.Amount).HasPrecision(18, 2);
        builder.Property(b => b.MinSpendShare).HasPrecision(5, 4);
        builder.Property(b => b.Currency).HasMaxLength(3);
        builder.Property(b => b.BallotKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.CountingRule).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Completion).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.TieBreak).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.TallyVisibility).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.CurrentPhase).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Version).IsRowVersion();
    }
}

internal sealed class ProcessBudgetConfiguration : IEntityTypeConfiguration<ProcessBudget>
{
    public void Configure(EntityTypeBuilder<ProcessBudget> builder)
    {
        builder.HasOne<Process>().WithMany().HasForeignKey(b => b.ProcessId);
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.Property(b => b.District).HasMaxLength(100);
        builder.Property(b => b.Amount).HasPrecision(18, 2);
        builder.HasIndex(b => new { b.ProcessId, b.Position });
    }
}

internal sealed class BudgetProjectConfiguration : IEntityTypeConfiguration<BudgetProject>
{
    public void Configure(EntityTypeBuilder<BudgetProject> builder)
    {
        builder.HasOne<Process>().WithMany().HasForeignKey(p => p.ProcessId);
        builder.HasOne<ProcessBudget>().WithMany().HasForeignKey(p => p.BudgetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.BudgetId);
        builder.Property(p => p.Code).HasMaxLength(16);
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Description).HasMaxLength(4000);
        builder.Property(p => p.District).HasMaxLength(100);
        builder.Property(p => p.Category).HasMaxLength(100);
        builder.Property(p => p.ReviewReason).HasMaxLength(1000);
        builder.Property(p => p.EstimatedCost).HasPrecision(18, 2);
        builder.Property(p => p.FinalCost).HasPrecision(18, 2);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.ImplementationStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasIndex(p => new { p.ProcessId, p.Code }).IsUnique();
        builder.Ignore(p => p.BallotCost);
    }
}

internal sealed class BudgetBallotConfiguration : IEntityTypeConfiguration<BudgetBallot>
{
    public void Configure(EntityTypeBuilder<BudgetBallot> builder)
    {
        // No foreign keys: their per-row checks were a quarter of PostgreSQL's work a ballot. Statement triggers
        // check the budget and process of a whole batch at once (migration BallotReferencesByStatement, ADR 0010).
        builder.Property(b => b.ReceiptCode).HasMaxLength(16);
        builder.Property(b => b.ReplacementKey).HasMaxLength(64);
        builder.Property(b => b.Choices).HasColumnType("jsonb").HasConversion(BallotChoicesJson.Converter, BallotChoicesJson.Comparer);
        builder.HasIndex(b => b.ReceiptCode).IsUnique();
        // One live ballot per voter: a replacement overwrites it (ON CONFLICT), parallel casts cannot add a second.
        builder.HasIndex(b => new { b.BudgetId, b.ReplacementKey }).IsUnique();
        builder.HasIndex(b => b.ProcessId);
    }
}

internal sealed class VoterRecordConfiguration : IEntityTypeConfiguration<VoterRecord>
{
    public void Configure(EntityTypeBuilder<VoterRecord> builder)
    {
        builder.HasKey(v => new { v.BudgetId, v.VoterKey });
        builder.HasIndex(v => new { v.ProcessId, v.VoterKey });
        // Also, in SQL only: EX_VoterRecords_PaperOrOnline (PaperOrOnline): paper or online per person and process;
        // the budget and process checked per statement, as for ballots (migration BallotReferencesByStatement).
        builder.Property(v => v.VoterKey).HasMaxLength(100);
        builder.Property(v => v.Channel).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class BudgetOutcomeConfiguration : IEntityTypeConfiguration<BudgetOutcome>
{
    public void Configure(EntityTypeBuilder<BudgetOutcome> builder)
    {
        builder.HasKey(o => o.BudgetId);
        builder.HasOne<ProcessBudget>().WithOne().HasForeignKey<BudgetOutcome>(o => o.BudgetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Process>().WithMany().HasForeignKey(o => o.ProcessId);
        builder.Property(o => o.Rule).HasMaxLength(100);
        builder.Property(o => o.TieBreak).HasMaxLength(200);
        builder.Property(o => o.InputsHash).HasMaxLength(64);
        builder.Property(o => o.TotalCost).HasPrecision(18, 2);

    }
}

internal static class BallotChoicesJson
{
    public static readonly ValueConverter<List<BallotChoice>, string> Converter = new(
        choices => JsonSerializer.Serialize(choices, JsonSerializerOptions.Default),
        json => JsonSerializer.Deserialize<List<BallotChoice>>(json, JsonSerializerOptions.Default) ?? new List<BallotChoice>());

    public static readonly ValueComparer<List<BallotChoice>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!),
        choices => choices.Aggregate(0, (hash, c) => HashCode.Combine(hash, c)),
        choices => choices.ToList());
}
