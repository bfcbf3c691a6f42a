using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Polls;

namespace ParticipativeDemocracy.Web.Data.Configurations;

internal sealed class PollConfiguration : IEntityTypeConfiguration<Poll>
{
    public void Configure(EntityTypeBuilder<Poll> builder)
    {
        builder.HasKey(p => p.ProcessId);
        builder.HasOne<Process>().WithOne().HasForeignKey<Poll>(p => p.ProcessId);
        builder.Property(p => p.ServiceName).HasMaxLength(200);
        builder.Property(p => p.Audience).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Questions).HasColumnType("jsonb").HasConversion(JsonList<PollQuestion>.Converter, JsonList<PollQuestion>.Comparer);
        builder.Property(p => p.ManagersResponse).HasMaxLength(8000);
        builder.Property(p => p.RespondedBy).HasMaxLength(256);
        builder.Property(p => p.Version).IsRowVersion();
    }
}

internal sealed class PollAnswerSheetConfiguration : IEntityTypeConfiguration<PollAnswerSheet>
{
    public void Configure(EntityTypeBuilder<PollAnswerSheet> builder)
    {
        builder.HasOne<Process>().WithMany().HasForeignKey(s => s.ProcessId);
        builder.Property(s => s.PlayerLevel).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Answers).HasColumnType("jsonb").HasConversion(JsonList<PollAnswer>.Converter, JsonList<PollAnswer>.Comparer);
        builder.HasIndex(s => s.ProcessId);
    }
}

internal sealed class PollRespondentConfiguration : IEntityTypeConfiguration<PollRespondent>
{
    public void Configure(EntityTypeBuilder<PollRespondent> builder)
    {
        builder.HasKey(r => new { r.ProcessId, r.RespondentKey });
        builder.HasOne<Process>().WithMany().HasForeignKey(r => r.ProcessId);
        builder.Property(r => r.RespondentKey).HasMaxLength(100);
        builder.Property(r => r.NotifyEmail).HasMaxLength(256);
    }
}

/// <summary>Small lists of records stored as one jsonb value.</summary>
internal static class JsonList<T>
{
    public static readonly ValueConverter<List<T>, string> Converter = new(
        items => JsonSerializer.Serialize(items, JsonSerializerOptions.Default),
        json => JsonSerializer.Deserialize<List<T>>(json, JsonSerializerOptions.Default) ?? new List<T>());

    public static readonly ValueComparer<List<T>> Comparer = new(
        (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Default) == JsonSerializer.Serialize(b, JsonSerializerOptions.Default),
        items => JsonSerializer.Serialize(items, JsonSerializerOptions.Default).GetHashCode(StringComparison.Ordinal),
        items => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(items, JsonSerializerOptions.Default), JsonSerializerOptions.Default)!);
}
