using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ParticipativeDemocracy.Web.Tests.Infrastructure;

/// <summary>
/// Records the SQL commands and commits the app's DbContexts send while serving a request that carries
/// the <see cref="Header"/> header: each is one round trip to PostgreSQL (Npgsql sends BEGIN with the
/// command after it), so tests can pin how many a use case makes.
/// </summary>
public sealed class DatabaseCommandLog(IHttpContextAccessor http) : DbCommandInterceptor, IDbTransactionInterceptor
{
    public const string Header = "Test-Command-Log";

    public const string Commit = "COMMIT";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _logs = new(StringComparer.Ordinal);

    /// <summary>What the request marked with <paramref name="token"/> sent, in order; commits as <see cref="Commit"/>.</summary>
    public IReadOnlyList<string> For(string token) => _logs.TryGetValue(token, out var log) ? [.. log] : [];

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        Record(result.CommandText);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Record(Commit);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Record(Commit);
        return Task.CompletedTask;
    }

    private void Record(string text)
    {
        if (http.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } token)
        {
            _logs.GetOrAdd(token, _ => new ConcurrentQueue<string>()).Enqueue(text);
        }
    }
}
