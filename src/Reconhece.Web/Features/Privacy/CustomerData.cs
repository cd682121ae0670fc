using Microsoft.EntityFrameworkCore;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;

namespace Reconhece.Web.Features.Privacy;

// "Dados do cliente" (LGPD art. 18 I, II and V): everything held on one customer, in a documented format
// ("reconhece.customer-data/1", docs/lgpd.md). The JSON is the portable copy; the PDF is the one-page summary.

public sealed record CustomerDataFile(
    string Format, DateTime GeneratedAt, DataController Controller, string Processor, DataSubject Customer,
    IReadOnlyList<DataPurchase> Purchases, IReadOnlyList<DataLedgerEntry> Points, IReadOnlyList<DataRecognition> Recognitions,
    IReadOnlyList<DataContact> Contacts, IReadOnlyList<DataConsent> Consent, IReadOnlyList<DataRequest> Requests,
    IReadOnlyList<string> Purposes, DataRecipients Recipients, string Retention)
{
    /// <summary>The promotions the customer was drawn into, and on which side (issue 11).</summary>
    public IReadOnlyList<DataPromotion> Promotions { get; init; } = [];
}

public sealed record DataPromotion(string Name, DateTime StartsAt, DateTime EndsAt, string Group);

public sealed record DataController(string Business, string? ProgramPage);

public sealed record DataSubject(
    string Phone, IReadOnlyList<string> MergedPhones, string? Name, string? Email, DateOnly? BirthDate, DateTime RegisteredAt,
    DateTime? FirstPurchaseAt, DateTime? LastPurchaseAt, int Visits, decimal TotalSpend, decimal PointsBalance, decimal PointsEarned,
    DateTime? NoContactSince);

public sealed record DataPurchase(DateTime At, string Branch, decimal? Amount, int? Quantity, decimal Points, DateTime? ReversedAt);

public sealed record DataLedgerEntry(DateTime At, string Kind, decimal Points, decimal BalanceAfter, string? Reason);

public sealed record DataRecognition(DateTime At, string What, decimal Points);

public sealed record DataContact(DateTime At, string List, string Channel);

public sealed record DataConsent(DateTime At, bool NoContact, string? How, string? Reason);

public sealed record DataRequest(DateOnly RequestedOn, string Right, DateOnly DueOn, DateTime? AnsweredAt);

public sealed record DataRecipients(IReadOnlyList<string> Owners, IReadOnlyList<string> ReportRecipients, string Staff, string SharedWith);

public static class CustomerData
{
    public const string FormatName = "reconhece.customer-data/1";

    public static readonly string[] Purposes =
    [
        "Registrar compras e somar pontos do programa de fidelidade (celular, valor, filial).",
        "Avisar e reconhecer o cliente que atinge a meta (nome e celular, para o convite).",
        "Relatórios semanais do responsável: ranking ABC, meta atingida, clientes novos e que pararam de vir.",
        "Contato pelo WhatsApp pela loja (Ações), se o cliente não pediu para não ser contatado.",
        "Aniversário (data de nascimento) e e-mail apenas se o cliente os informou.",
        "Promoções: para medir se uma promoção funcionou, uma parte sorteada do público fica de fora (sem o benefício e sem mensagens) até ela terminar.",
    ];

    public static async Task<CustomerDataFile?> BuildAsync(AppDbContext db, Guid id, string? programPage, DateTime now, CancellationToken ct)
    {
        var c = await db.Customers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.AnonymizedAt == null, ct);
        if (c is null) return null;
        var business = await db.BusinessAsync(ct);
        var aliases = await db.CustomerAliases.Where(a => a.CustomerId == id).OrderBy(a => a.CreatedAt).Select(a => a.Phone).ToListAsync(ct);
        var purchases = await db.Purchases.Where(p => p.CustomerId == id).OrderBy(p => p.At)
            .Select(p => new DataPurchase(p.At, db.Branches.Where(b => b.Id == p.BranchId).Select(b => b.Name).First(), p.Amount, p.Quantity, p.Points, p.ReversedAt))
            .ToListAsync(ct);
        var ledger = (await db.Ledger.Where(l => l.CustomerId == id).OrderBy(l => l.Id).Select(l => new { l.At, l.Kind, l.Points, l.BalanceAfter, l.Reason }).ToListAsync(ct))
            .Select(l => new DataLedgerEntry(l.At, KindName(l.Kind), l.Points, l.BalanceAfter, l.Reason)).ToList();
        var recognitions = await db.Recognitions.Where(r => r.CustomerId == id).OrderBy(r => r.At)
            .Select(r => new DataRecognition(r.At, r.What, r.PointsDebited)).ToListAsync(ct);
        var contacts = (await db.Contacts.Where(x => x.CustomerId == id).OrderBy(x => x.At).Select(x => new { x.At, x.List, x.Channel }).ToListAsync(ct))
            .Select(x => new DataContact(x.At, x.List.ToString(), x.Channel.ToString())).ToList();
        var consent = await db.ConsentEvents.Where(e => e.CustomerId == id).OrderBy(e => e.At)
            .Select(e => new DataConsent(e.At, e.OptedOut, e.How, e.Reason)).ToListAsync(ct);
        var requests = (await db.PrivacyRequests.Where(r => r.CustomerId == id).OrderBy(r => r.RequestedOn)
                .Select(r => new { r.RequestedOn, r.Right, r.DueOn, r.AnsweredAt }).ToListAsync(ct))
            .Select(r => new DataRequest(r.RequestedOn, r.Right.ToString(), r.DueOn, r.AnsweredAt)).ToList();
        var promotions = await db.PromotionMembers.Where(m => m.CustomerId == id)
            .Join(db.Promotions, m => m.PromotionId, p => p.Id, (m, p) => new { p.Name, p.StartsAt, p.EndsAt, p.StoppedAt, m.IsControl })
            .OrderBy(x => x.StartsAt).ToListAsync(ct);
        var owners = await db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Owner)))
            .OrderBy(u => u.FullName).Select(u => u.FullName).ToListAsync(ct);
        var recipients = await db.ReportRecipients.Where(r => r.ConfirmedAt != null).OrderBy(r => r.Email).Select(r => r.Email).ToListAsync(ct);
        var retention = business.Privacy.RetentionYears is { } years
            ? $"Dados anonimizados após {Format.Count(years, "ano", "anos")} sem compras; ou antes, a pedido do cliente."
            : "Enquanto o cliente participar do programa; anonimizados a pedido do cliente.";
        return new CustomerDataFile(FormatName, now, new DataController(business.Name, programPage), "Reconhece (operador, em nome da loja)",
            new DataSubject(c.Phone, aliases, c.Name, c.Email, c.BirthDate, c.CreatedAt, c.FirstPurchaseAt, c.LastPurchaseAt, c.Visits,
                c.LifetimeSpend, c.Balance, c.LifetimePoints, c.ContactOptOutAt),
            purchases, ledger, recognitions, contacts, consent, requests, Purposes,
            new DataRecipients(owners, [.. recipients.Concat(business.Reports.ExtraRecipientList).Distinct()],
                "A equipe da loja vê celular, nome, pontos e progresso.", "Nenhuma outra empresa: os dados não são vendidos nem compartilhados."),
            retention)
        {
            Promotions = promotions.Select(x => new DataPromotion(x.Name, x.StartsAt, x.StoppedAt ?? x.EndsAt,
                x.IsControl ? "grupo de controle (sem o benefício e sem mensagens)" : "público da promoção")).ToList(),
        };
    }

    public static string KindName(LedgerKind kind) => kind switch
    {
        LedgerKind.Earn => "compra",
        LedgerKind.Recognition => "reconhecimento",
        LedgerKind.Adjustment => "ajuste",
        LedgerKind.Reversal => "estorno",
        LedgerKind.Merge => "cadastros unidos",
        LedgerKind.Import => "saldo importado",
        LedgerKind.PromotionBonus => "bônus de promoção",
        LedgerKind.Expiry => "pontos expirados",
        _ => kind.ToString(),
    };
}
