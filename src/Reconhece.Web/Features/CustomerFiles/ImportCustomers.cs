using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Points;
using Reconhece.Web.Features.Privacy;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.CustomerFiles;

public sealed record ImportPreview(
    Guid Id, string? FileName, int Created, int Updated, decimal Points, IReadOnlyList<RejectedLine> Rejected, int RejectedCount,
    IReadOnlyList<ImportRow> SampleNew, IReadOnlyList<ImportRow> SampleUpdated, string? FileError, CustomerImportStatus Status, DateTime? ImportedAt);

public enum ApplyOutcome { NotFound, Imported, AlreadyImported, NothingToImport }

/// <summary>
/// "Importar clientes": upload → preview (created, updated, refused lines with their reason) → import in
/// one transaction. Balances become "Saldo importado" ledger entries, so balance = ledger sum holds; the
/// import is audited; the same file twice is refused by its hash.
/// </summary>
public sealed class ImportCustomers(AppDbContext db, CurrentBusiness current, PhoneBlockList blocks, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public const int MaxBytes = 20 * 1024 * 1024;
    public const int MaxRejectedShown = 200;
    private const int Batch = 2_000;

    // One batch of rows: create or update by phone (a merged phone finds its kept customer), add the imported
    // balance, fill only the fields still empty, then one ledger entry per row with points. Blocked phones are
    // skipped here too, for a block made between the preview and the import.
    private static readonly string Sql = PointsSql.ImportCustomers;

    public async Task<(Guid? Id, string? Error)> UploadAsync(string? fileName, byte[] content, Guid userId, CancellationToken ct)
    {
        if (content.Length == 0) return (null, t["O arquivo está vazio."]);
        var hash = SHA256.HashData(content);
        var existing = await db.CustomerImports.Where(i => i.FileHash == hash).Select(i => new { i.Id, i.Status, i.ImportedAt }).FirstOrDefaultAsync(ct);
        if (existing is { Status: CustomerImportStatus.Done })
            return (null, t["Este arquivo já foi importado em {0}. Nada foi importado de novo.", Format.DateTime(existing.ImportedAt!.Value, (await db.BusinessAsync(ct)).Zone)]);
        if (existing is not null) return (existing.Id, null);
        var now = clock.GetUtcNow().UtcDateTime;
        // A preview not confirmed within a day goes: the file holds personal data.
        await db.CustomerImports.Where(i => i.Status == CustomerImportStatus.Preview && i.At < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        var import = new CustomerImport
        {
            Id = Guid.CreateVersion7(), FileHash = hash, Content = content, UserId = userId, At = now,
            FileName = Path.GetFileName(fileName) is { Length: > 0 } name ? name[..Math.Min(name.Length, CustomerImport.FileNameMaxLength)] : null,
        };
        db.CustomerImports.Add(import);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same file sent twice at once (a double tap on Enviar): the other upload's preview.
            db.ChangeTracker.Clear();
            return (await db.CustomerImports.Where(i => i.FileHash == hash).Select(i => i.Id).SingleAsync(ct), null);
        }
        return (import.Id, null);
    }

    public async Task<ImportPreview?> PreviewAsync(Guid id, CancellationToken ct)
    {
        var import = await db.CustomerImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (import is null) return null;
        if (import.Status == CustomerImportStatus.Done || import.Content is null)
            return new ImportPreview(id, import.FileName, import.Created, import.Updated, import.Points, [], import.Rejected, [], [], null, import.Status, import.ImportedAt);
        var program = (await db.BusinessAsync(ct)).Program;
        string? fileError = null;
        var rejected = new List<RejectedLine>();
        var rejectedCount = 0;
        var (created, updated, points) = (0, 0, 0m);
        var sampleNew = new List<ImportRow>();
        var sampleUpdated = new List<ImportRow>();
        foreach (var chunk in CustomerCsv.Read(import.Content, program, t, e => fileError = e).Chunk(Batch))
        {
            foreach (var (_, r) in chunk.Where(x => x.Rejected is not null)) Reject(r!);
            var rows = chunk.Where(x => x.Row is not null).Select(x => x.Row!).ToList();
            var phones = rows.Select(r => r.Phone).ToArray();
            var hashes = rows.Select(r => blocks.Hash(r.Phone)).ToList();
            var known = (await db.Customers.Where(c => phones.Contains(c.Phone)).Select(c => c.Phone).ToListAsync(ct))
                .Concat(await db.CustomerAliases.Where(a => phones.Contains(a.Phone)).Select(a => a.Phone).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var blocked = (await db.BlockedPhones.Where(b => hashes.Contains(b.PhoneHash)).Select(b => b.PhoneHash).ToListAsync(ct))
                .Select(Convert.ToHexString).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                if (blocked.Contains(Convert.ToHexString(hashes[i])))
                {
                    Reject(new RejectedLine(row.Line, t["Este cliente pediu para não participar do programa."]));
                    continue;
                }
                points += row.Balance;
                if (known.Contains(row.Phone)) { updated++; if (sampleUpdated.Count < 10) sampleUpdated.Add(row); }
                else { created++; if (sampleNew.Count < 10) sampleNew.Add(row); }
            }
        }
        return new ImportPreview(id, import.FileName, created, updated, points, rejected, rejectedCount, sampleNew, sampleUpdated, fileError, import.Status, null);

        void Reject(RejectedLine line)
        {
            rejectedCount++;
            if (rejected.Count < MaxRejectedShown) rejected.Add(line);
        }
    }

    public async Task<ApplyOutcome> ApplyAsync(Guid id, Guid userId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The row lock makes a double tap wait, then find the import done.
        // Not tracked: EF would keep a second copy of the file to compare at save.
        var import = await db.CustomerImports.FromSql($"SELECT * FROM customer_imports WHERE id = {id} FOR UPDATE")
            .AsNoTracking().Select(i => new { i.Status, i.Content, i.FileName }).FirstOrDefaultAsync(ct);
        if (import is null) return ApplyOutcome.NotFound;
        if (import.Status == CustomerImportStatus.Done || import.Content is null) return ApplyOutcome.AlreadyImported;
        var program = (await db.BusinessAsync(ct)).Program;
        var now = clock.GetUtcNow().UtcDateTime;
        string? fileError = null;
        var (created, updated, rejected, points) = (0, 0, 0, 0m);
        foreach (var chunk in CustomerCsv.Read(import.Content, program, t, e => fileError = e).Chunk(Batch))
        {
            rejected += chunk.Count(x => x.Rejected is not null);
            var rows = chunk.Where(x => x.Row is not null).Select(x => x.Row!).ToList();
            if (rows.Count == 0) continue;
            await using var cmd = TenantSql.Command(db, Sql);
            var p = cmd.Parameters;
            p.AddWithValue("ids", rows.Select(_ => Guid.CreateVersion7()).ToArray());
            p.AddWithValue("phones", rows.Select(r => r.Phone).ToArray());
            p.Add(new NpgsqlParameter("names", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = rows.Select(r => (object?)r.Name ?? DBNull.Value).ToArray() });
            p.Add(new NpgsqlParameter("emails", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = rows.Select(r => (object?)r.Email ?? DBNull.Value).ToArray() });
            p.Add(new NpgsqlParameter("births", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Date) { Value = rows.Select(r => (object?)r.BirthDate ?? DBNull.Value).ToArray() });
            p.AddWithValue("balances", rows.Select(r => r.Balance).ToArray());
            p.AddWithValue("hashes", rows.Select(r => blocks.Hash(r.Phone)).ToArray());
            p.AddWithValue("business", current.RequiredId);
            p.AddWithValue("now", now);
            p.AddWithValue("goal", program.Goal);
            p.AddWithValue("kind", (int)LedgerKind.Import);
            p.AddWithValue("user", userId);
            p.AddWithValue("reason", "Saldo importado");
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                await reader.ReadAsync(ct);
                var (c, u) = ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
                created += c;
                updated += u;
                rejected += rows.Count - c - u;   // blocked since the preview
            }
            points += rows.Sum(r => r.Balance);
        }
        if (fileError is not null || created + updated == 0)
        {
            await tx.RollbackAsync(ct);
            return ApplyOutcome.NothingToImport;
        }
        await db.CustomerImports.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, CustomerImportStatus.Done).SetProperty(i => i.Content, (byte[]?)null).SetProperty(i => i.ImportedAt, now)
            .SetProperty(i => i.Created, created).SetProperty(i => i.Updated, updated).SetProperty(i => i.Rejected, rejected)
            .SetProperty(i => i.Points, points), ct);
        db.Audit.Add(new AuditEntry
        {
            UserId = userId, At = now, Subject = "Importação", SubjectId = id, Field = "Clientes importados",
            NewValue = $"{import.FileName}: {Format.Count(created, "novo", "novos")}, {Format.Count(updated, "atualizado", "atualizados")}, {Format.Count(rejected, "linha recusada", "linhas recusadas")}, {Format.PointsCount(points)}",
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ApplyOutcome.Imported;
    }
}
