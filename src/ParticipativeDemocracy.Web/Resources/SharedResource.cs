namespace ParticipativeDemocracy.Web.Resources;

/// <summary>Marker for the shared UI texts in SharedResource.resx (English) and SharedResource.cy.resx (Welsh).</summary>
public sealed class SharedResource;
