namespace ParticipativeDemocracy.Web.Resources;

/// <summary>
/// Marker for the texts of polls, promises and partnerships in ParticipationText.resx (English) and
/// ParticipationText.cy.resx (Welsh), kept apart from SharedResource so parallel work merges cleanly.
/// </summary>
public sealed class ParticipationText;
