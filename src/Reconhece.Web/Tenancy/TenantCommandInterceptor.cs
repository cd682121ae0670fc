using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Reconhece.Web.Data;

namespace Reconhece.Web.Tenancy;

/// <summary>
/// Tells PostgreSQL, with every EF command, which business the command works for, so the row-level
/// security policies (the second wall) hold even where the EF filter does not reach. The setting rides
/// in the same round trip as the statement (see <see cref="TenantSql"/>); SaveChanges batches, whose
/// results EF reads statement by statement, get it as a command of their own inside their transaction.
/// </summary>
public sealed class TenantCommandInterceptor : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Apply(command, eventData);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await ApplyAsync(command, eventData, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Apply(command, eventData);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await ApplyAsync(command, eventData, cancellationToken);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Apply(command, eventData);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await ApplyAsync(command, eventData, cancellationToken);
        return result;
    }

    private static void Apply(DbCommand command, CommandEventData eventData)
    {
        if (eventData.Context is not AppDbContext db || eventData.CommandSource == CommandSource.Migrations) return;
        if (eventData.CommandSource == CommandSource.SaveChanges)
        {
            using var set = TenantSql.SetCommand(command, db.CurrentBusinessId);
            set.ExecuteNonQuery();
        }
        else TenantSql.Prefix((NpgsqlCommand)command, db.CurrentBusinessId);
    }

    private static async Task ApplyAsync(DbCommand command, CommandEventData eventData, CancellationToken ct)
    {
        if (eventData.Context is not AppDbContext db || eventData.CommandSource == CommandSource.Migrations) return;
        if (eventData.CommandSource == CommandSource.SaveChanges)
        {
            await using var set = TenantSql.SetCommand(command, db.CurrentBusinessId);
            await set.ExecuteNonQueryAsync(ct);
        }
        else TenantSql.Prefix((NpgsqlCommand)command, db.CurrentBusinessId);
    }
}
