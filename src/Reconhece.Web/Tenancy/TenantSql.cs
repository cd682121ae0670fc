using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Reconhece.Web.Data;

namespace Reconhece.Web.Tenancy;

/// <summary>
/// How the app tells PostgreSQL which business a statement works for (decision 007). Every statement is
/// preceded, in the same command and so in the same round trip and implicit transaction, by
/// <c>CALL use_business($1)</c>, which sets <c>app.business_id</c> for the current transaction only. The
/// setting vanishes at commit, so a pooled connection never carries one business into the next request;
/// with no business the setting is empty and the policies show no rows.
/// Raw SQL in the app goes through <see cref="Command(AppDbContext, string)"/> (or, on the purchase's hot path, its data-source twin): the helpers that bind the business.
/// </summary>
public static class TenantSql
{
    /// <summary>The session setting the row-level security policies read (see TenantWalls).</summary>
    public const string Setting = "app.business_id";
    private const string ParameterName = "tenant__business";
    private const string SetStatement = "CALL use_business(@" + ParameterName + ");\n";

    /// <summary>A raw SQL command for the current business, on the context's connection and transaction.</summary>
    public static NpgsqlCommand Command(AppDbContext db, string sql)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        var tx = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction;
        var cmd = new NpgsqlCommand(sql, conn, tx);
        Prefix(cmd, db.CurrentBusinessId);
        return cmd;
    }

    /// <summary>
    /// A raw SQL command for the business that takes a connection from the app's pool when it runs and gives
    /// it back when its reader is disposed: for the purchase's hot path, which then needs nothing of EF (making
    /// a context's services was about 13% of a purchase's CPU in the app, docs/benchmarks.md).
    /// </summary>
    public static NpgsqlCommand Command(NpgsqlDataSource source, Guid business, string sql)
    {
        var cmd = source.CreateCommand(sql);
        Prefix(cmd, business);
        return cmd;
    }

    /// <summary>Puts the business setting in front of the command's statements (once).</summary>
    internal static void Prefix(NpgsqlCommand command, Guid? business)
    {
        if (command.Parameters.Contains(ParameterName))
        {
            command.Parameters[ParameterName].Value = (object?)business ?? DBNull.Value;
            return;
        }
        command.CommandText = SetStatement + command.CommandText;
        command.Parameters.Add(new NpgsqlParameter(ParameterName, NpgsqlDbType.Uuid) { Value = (object?)business ?? DBNull.Value });
    }

    /// <summary>The setting as a command of its own, in the given command's transaction.</summary>
    internal static NpgsqlCommand SetCommand(DbCommand command, Guid? business)
    {
        var set = new NpgsqlCommand(SetStatement, (NpgsqlConnection)command.Connection!, (NpgsqlTransaction?)command.Transaction);
        set.Parameters.Add(new NpgsqlParameter(ParameterName, NpgsqlDbType.Uuid) { Value = (object?)business ?? DBNull.Value });
        return set;
    }
}
