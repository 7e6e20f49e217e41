using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ArtFolio.Tests.Infrastructure;

/// <summary>
/// Forces an interleaving: runs a step of the test at an exact point of the app's SQL, once, either
/// just before a matching command executes or just after a matching query's rows were read (as its
/// reader closes). The app's request waits for the step, as if another request had overtaken it there.
/// </summary>
public sealed class SqlPause : DbCommandInterceptor
{
    private readonly Lock gate = new();
    private (Func<DbCommand, bool> Match, Func<Task> Step)? before;
    private (Func<DbCommand, bool> Match, Func<Task> Step)? afterRead;

    public int Fired { get; private set; }

    public void Before(Func<DbCommand, bool> match, Func<Task> step)
    {
        lock (gate)
            before = (match, step);
    }

    public void AfterRead(Func<DbCommand, bool> match, Func<Task> step)
    {
        lock (gate)
            afterRead = (match, step);
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default
    )
    {
        await RunAsync(ref before, command);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        await RunAsync(ref before, command);
        return result;
    }

    public override async ValueTask<InterceptionResult> DataReaderClosingAsync(
        DbCommand command,
        DataReaderClosingEventData eventData,
        InterceptionResult result
    )
    {
        await RunAsync(ref afterRead, command);
        return result;
    }

    private Task RunAsync(ref (Func<DbCommand, bool> Match, Func<Task> Step)? armed, DbCommand command)
    {
        Func<Task>? step = null;
        lock (gate)
            if (armed is { } pause && pause.Match(command))
            {
                (step, armed) = (pause.Step, null); // once
                Fired++;
            }
        return step?.Invoke() ?? Task.CompletedTask;
    }
}
