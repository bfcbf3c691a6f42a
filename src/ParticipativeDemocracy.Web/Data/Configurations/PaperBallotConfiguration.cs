using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Data.Configurations;

internal sealed class PaperBatchConfiguration : IEntityTypeConfiguration<PaperBatch>
{
    public void Configure(EntityTypeBuilder<PaperBatch> builder)
    {
        builder.HasOne<Process>().WithMany().HasForeignKey(b => b.ProcessId);
        builder.HasOne<ProcessBudget>().WithMany().HasForeignKey(b => b.BudgetId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(b => b.Label).HasMaxLength(100);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Resolutions).HasColumnType("jsonb")
            .HasConversion(JsonColumn<List<PaperResolution>>.Converter, JsonColumn<List<PaperResolution>>.Comparer);
        builder.Property(b => b.SetAside).HasColumnType("jsonb")
            .HasConversion(JsonColumn<List<PaperSetAside>>.Converter, JsonColumn<List<PaperSetAside>>.Comparer);
        builder.Property(b => b.Version).IsRowVersion();
    }
}

internal sealed class PaperKeyingConfiguration : IEntityTypeConfiguration<PaperKeying>
{
    public void Configure(EntityTypeBuilder<PaperKeying> builder)
    {
        builder.HasOne<PaperBatch>().WithMany().HasForeignKey(k => k.BatchId).OnDelete(DeleteBehavior.Cascade);
        // The database, not only the handler, refuses a second keying by the same officer.
        builder.HasIndex(k => new { k.BatchId, k.OfficerId }).IsUnique();
        builder.Property(k => k.Ballots).HasColumnType("jsonb")
            .HasConversion(JsonColumn<List<PaperBallotEntry>>.Converter, JsonColumn<List<PaperBallotEntry>>.Comparer);
    }
}

internal static class JsonColumn<T>
    where T : class, new()
{
    public static readonly ValueConverter<T, string> Converter = new(
        value => JsonSerializer.Serialize(value, JsonSerializerOptions.Default),
        json => JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Default) ?? new T());

    public static readonly ValueComparer<T> Comparer = new(
        (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Default) == JsonSerializer.Serialize(b, JsonSerializerOptions.Default),
        value => JsonSerializer.Serialize(value, JsonSerializerOptions.Default).GetHashCode(StringComparison.Ordinal),
        value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, JsonSerializerOptions.Default), JsonSerializerOptions.Default)!);
}
