using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ArtFolio.Tests.Infrastructure;

/// <summary>
/// Records the SQL that EF sends, per test: <c>using var sql = app.Sql.Capture();</c> then read
/// <c>sql.Commands</c>. The capture flows with the test's async calls into the app (the test server
/// preserves the execution context), so parallel tests do not see each other's commands.
/// </summary>
public sealed class SqlRecorder : DbCommandInterceptor
{
    private readonly AsyncLocal<Capture?> current = new();

    public Capture Start() => current.Value = new Capture(this);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default
    ) => Record(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    ) => Record(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result,
        CancellationToken cancellationToken = default
    ) => Record(command, result);

    private ValueTask<T> Record<T>(DbCommand command, T result)
    {
        current.Value?.Add(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public sealed class Capture(SqlRecorder recorder) : IDisposable
    {
        private readonly List<string> commands = [];

        public IReadOnlyList<string> Commands
        {
            get
            {
                lock (commands)
                    return [.. commands];
            }
        }

        /// <summary>Commands that change data: INSERT, UPDATE or DELETE anywhere in the batch.</summary>
        public IReadOnlyList<string> Writes =>
            Commands
                .Where(c =>
                    c.Contains("INSERT ", StringComparison.OrdinalIgnoreCase)
                    || c.Contains("UPDATE ", StringComparison.OrdinalIgnoreCase)
                    || c.Contains("DELETE ", StringComparison.OrdinalIgnoreCase)
                )
                .ToList();

        internal void Add(string sql)
        {
            lock (commands)
                commands.Add(sql);
        }

        public void Dispose() => recorder.current.Value = null;
    }
}
