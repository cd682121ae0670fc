using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Features.Shared;

namespace Reconhece.Web.Features.CustomerFiles;

/// <summary>
/// "Exportar clientes" (owner): every customer with totals, ABC class (the ranking of the weekly report:
/// buyers by lifetime points) and last purchase, as pt-BR CSV (PtBrCsv: ";", BOM, formula-safe).
/// Anonymised customers are counted in the classes and left out of the file.
/// </summary>
public static class ExportCustomers
{
    public static async Task<byte[]> CsvAsync(AppDbContext db, CancellationToken ct)
    {
        var context = await db.BusinessAsync(ct);
        var (business, zone) = (context.Id, context.Zone);
        // The classes of the ABC report (abc_classes); the file lists buyers in that order, then the others.
        var classes = await Reports.AbcRanks.LoadAsync(db, business, ct);
        var ranked = db.Customers.AsNoTracking()
            .OrderByDescending(c => c.Visits > 0).ThenByDescending(c => c.LifetimePoints).ThenByDescending(c => c.LifetimeSpend).ThenBy(c => c.Phone);
        using var stream = new MemoryStream();
        using (var csv = PtBrCsv.Writer(stream))
        {
            foreach (var header in new[] { "Celular", "Nome", "E-mail", "Nascimento", "Classe", "Saldo", "Pontos ganhos", "Gasto total", "Compras",
                         "Primeira compra", "Última compra", "Não quer contato desde" })
                csv.WriteField(header);
            csv.EndRecord();
            await foreach (var c in ranked.AsAsyncEnumerable().WithCancellation(ct))
            {
                var klass = classes.TryGetValue(c.Id, out var rank) ? rank.Class : "";
                if (c.AnonymizedAt is not null) continue;
                csv.WriteField(Format.Phone(c.Phone));
                csv.WriteField(c.Name ?? "");
                csv.WriteField(c.Email ?? "");
                csv.WriteField(c.BirthDate is null ? "" : Format.Date(c.BirthDate));
                csv.WriteField(klass);
                csv.WriteField(Format.Points(c.Balance));
                csv.WriteField(Format.Points(c.LifetimePoints));
                csv.WriteField(c.LifetimeSpend.ToString("#,0.00", Format.PtBr));
                csv.WriteField(c.Visits.ToString(Format.PtBr));
                csv.WriteField(c.FirstPurchaseAt is null ? "" : Format.Date(c.FirstPurchaseAt.Value, zone));
                csv.WriteField(c.LastPurchaseAt is null ? "" : Format.Date(c.LastPurchaseAt.Value, zone));
                csv.WriteField(c.ContactOptOutAt is null ? "" : Format.Date(c.ContactOptOutAt.Value, zone));
                csv.EndRecord();
            }
        }
        return stream.ToArray();
    }
}
