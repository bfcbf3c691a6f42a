using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The application's own schema; Hangfire keeps its tables in "hangfire".</summary>
    public const string Schema = "app";

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Process> Processes => Set<Process>();

    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<VoterRoll> VoterRolls => Set<VoterRoll>();

    public DbSet<VoterRollUpload> VoterRollUploads => Set<VoterRollUpload>();

    public DbSet<VoterRollEntry> VoterRollEntries => Set<VoterRollEntry>();

    public DbSet<VoterRollProblem> VoterRollProblems => Set<VoterRollProblem>();

    public DbSet<RollVerification> RollVerifications => Set<RollVerification>();

    public DbSet<ProcessEligibility> ProcessEligibility => Set<ProcessEligibility>();

    public DbSet<VotingCodeBatch> VotingCodeBatches => Set<VotingCodeBatch>();

    public DbSet<VotingCode> VotingCodes => Set<VotingCode>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<BudgetSettings> BudgetSettings => Set<BudgetSettings>();

    public DbSet<BudgetProject> BudgetProjects => Set<BudgetProject>();

    public DbSet<BudgetBallot> BudgetBallots => Set<BudgetBallot>();

    public DbSet<VoterRecord> VoterRecords => Set<VoterRecord>();

    public DbSet<BudgetOutcome> BudgetOutcomes => Set<BudgetOutcome>();

    public DbSet<JurySettings> JurySettings => Set<JurySettings>();

    public DbSet<JuryPanelMember> JuryPanelMembers => Set<JuryPanelMember>();

    public DbSet<ProposalSupport> ProposalSupports => Set<ProposalSupport>();

    public DbSet<BudgetComment> BudgetComments => Set<BudgetComment>();

    public DbSet<CommentReport> CommentReports => Set<CommentReport>();

    public DbSet<ProcessFollower> ProcessFollowers => Set<ProcessFollower>();

    public DbSet<ProjectFollower> ProjectFollowers => Set<ProjectFollower>();

    public DbSet<ProjectUpdate> ProjectUpdates => Set<ProjectUpdate>();

    public DbSet<BudgetFeedbackRun> BudgetFeedbackRuns => Set<BudgetFeedbackRun>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
