namespace ParticipativeDemocracy.Web.Common.Errors;

/// <summary>The thing asked for does not exist (404).</summary>
public sealed class NotFoundException(string what, object key)
    : Exception($"{what} '{key}' was not found.");

/// <summary>The request is valid but clashes with the current state, e.g. a locked ballot (409).</summary>
public sealed class ConflictException(string reason) : Exception(reason);

/// <summary>The caller is known but may not do this (403); <see cref="Reasons"/> are machine-readable codes for clients.</summary>
public sealed class ForbiddenException(string reason, IReadOnlyList<string>? reasons = null) : Exception(reason)
{
    public IReadOnlyList<string> Reasons { get; } = reasons ?? [];
}
