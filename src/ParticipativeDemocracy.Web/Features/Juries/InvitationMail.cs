using System.Security.Cryptography;
using System.Text;
using ParticipativeDemocracy.Web.Common.Email;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>Issues an invitation's link (only its hash is kept) and writes the e-mail to the outbox.</summary>
internal static class InvitationMail
{
    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static async Task SendAsync(EmailOutbox outbox, JuryInvitation invitation, JuryVolunteer volunteer, string juryTitle,
        bool reminder, CancellationToken cancellationToken)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        invitation.TokenHash = HashOf(token);
        var link = outbox.Link($"/juries/invitations/{token}");
        var deadline = invitation.DeadlineAt!.Value.ToString("d MMMM yyyy HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        var subject = reminder ? $"Reminder: please answer your invitation to {juryTitle}" : $"You have been selected for {juryTitle}";
        var body = (reminder ? "We have not heard from you yet. " : "") +
            $"Dear {volunteer.Name},\n\nYou have been drawn by lot to sit on {juryTitle}. Please confirm or decline by {deadline}:\n\n{link}\n\n" +
            "If you do not answer by then, we will invite someone else in your place. This link replaces any earlier one.";
        await outbox.EnqueueAsync(volunteer.Email, subject, body, cancellationToken);
    }
}
