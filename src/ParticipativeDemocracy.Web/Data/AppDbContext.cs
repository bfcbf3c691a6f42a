using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Data.Entities.Partnerships;
using ParticipativeDemocracy.Web.Data.Entities.Polls;
using ParticipativeDemocracy.Web.Data.Entities.Promises;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;
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

    public DbSet<ProcessBudget> ProcessBudgets => Set<ProcessBudget>();

    public DbSet<PaperBatch> PaperBatches => Set<PaperBatch>();

    public DbSet<PaperKeying> PaperKeyings => Set<PaperKeying>();

    public DbSet<BudgetProject> BudgetProjects => Set<BudgetProject>();

    public DbSet<BudgetBallot> BudgetBallots => Set<BudgetBallot>();

    public DbSet<VoterRecord> VoterRecords => Set<VoterRecord>();

    public DbSet<BudgetOutcome> BudgetOutcomes => Set<BudgetOutcome>();

    // Partnerships, polls and participation promises (issue 8).
    public DbSet<Poll> Polls => Set<Poll>();

    public DbSet<PollAnswerSheet> PollAnswerSheets => Set<PollAnswerSheet>();

    public DbSet<PollRespondent> PollRespondents => Set<PollRespondent>();

    public DbSet<ParticipationPromise> ParticipationPromises => Set<ParticipationPromise>();

    public DbSet<PromiseItem> PromiseItems => Set<PromiseItem>();

    public DbSet<Partnership> Partnerships => Set<Partnership>();

    public DbSet<PartnershipMember> PartnershipMembers => Set<PartnershipMember>();

    public DbSet<PartnershipMeeting> PartnershipMeetings => Set<PartnershipMeeting>();

    public DbSet<PartnershipAction> PartnershipActions => Set<PartnershipAction>();

    public DbSet<PartnershipFollower> PartnershipFollowers => Set<PartnershipFollower>();

    public DbSet<HealthCheck> HealthChecks => Set<HealthCheck>();

    public DbSet<HealthCheckParticipation> HealthCheckParticipations => Set<HealthCheckParticipation>();

    public DbSet<HealthCheckAnswer> HealthCheckAnswers => Set<HealthCheckAnswer>();

    public DbSet<JurySettings> JurySettings => Set<JurySettings>();

    public DbSet<JuryPanelMember> JuryPanelMembers => Set<JuryPanelMember>();

    public DbSet<ProposalSupport> ProposalSupports => Set<ProposalSupport>();

    public DbSet<BudgetComment> BudgetComments => Set<BudgetComment>();

    public DbSet<CommentReport> CommentReports => Set<CommentReport>();

    public DbSet<ProcessFollower> ProcessFollowers => Set<ProcessFollower>();

    public DbSet<ProjectFollower> ProjectFollowers => Set<ProjectFollower>();

    public DbSet<ProjectUpdate> ProjectUpdates => Set<ProjectUpdate>();

    public DbSet<BudgetFeedbackRun> BudgetFeedbackRuns => Set<BudgetFeedbackRun>();

    // Deliberation (jury room, rounds, recommendations)
    public DbSet<JurySession> JurySessions => Set<JurySession>();

    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    public DbSet<SpeakerQueueEntry> SpeakerQueue => Set<SpeakerQueueEntry>();

    public DbSet<RoomConnection> RoomConnections => Set<RoomConnection>();

    public DbSet<SessionRecordEntry> SessionRecord => Set<SessionRecordEntry>();

    public DbSet<StrawPoll> StrawPolls => Set<StrawPoll>();

    public DbSet<StrawPollVote> StrawPollVotes => Set<StrawPollVote>();

    public DbSet<EvidenceItem> Evidence => Set<EvidenceItem>();

    public DbSet<WitnessQuestion> WitnessQuestions => Set<WitnessQuestion>();

    public DbSet<DeliberationRound> DeliberationRounds => Set<DeliberationRound>();

    public DbSet<RoundContribution> RoundContributions => Set<RoundContribution>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<RecommendationVote> RecommendationVotes => Set<RecommendationVote>();

    public DbSet<RecommendationResponse> RecommendationResponses => Set<RecommendationResponse>();

    public DbSet<JuryFollower> JuryFollowers => Set<JuryFollower>();

    public DbSet<JuryQuota> JuryQuotas => Set<JuryQuota>();

    public DbSet<JuryVolunteer> JuryVolunteers => Set<JuryVolunteer>();

    public DbSet<JuryDraw> JuryDraws => Set<JuryDraw>();

    public DbSet<JuryInvitation> JuryInvitations => Set<JuryInvitation>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.HasDbFunction(typeof(DatabaseFunctions).GetMethod(nameof(DatabaseFunctions.BallotFactsStamp))!)
            .HasSchema(Schema).HasName("ballot_facts_stamp");
    }
}
