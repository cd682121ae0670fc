namespace Reconhece.Web.Domain;

public enum ReportRunStatus
{
    /// <summary>Created by the dispatcher (or "Enviar agora"); nothing built yet.</summary>
    Pending = 0,
    /// <summary>The PDFs are stored; the email has not been accepted by the mail server yet.</summary>
    Built = 1,
    /// <summary>The mail server accepted the email. Final: nothing sends it again.</summary>
    Sent = 2,
    /// <summary>The last attempt failed; another comes at <see cref="ReportRun.NextAttemptAt"/>.</summary>
    Failed = 3,
}

/// <summary>
/// One set of the four weekly reports for one business and one week. The weekly run is unique per
/// (business, week): that key, and the row lock the sending job takes, make the email go out exactly
/// once. "Gerar agora" and a repeated "Enviar agora" make extra, non-weekly runs.
/// </summary>
public class ReportRun : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    /// <summary>The Monday that starts the reported week (Monday–Sunday, the business's own calendar).</summary>
    public DateOnly WeekStart { get; set; }
    /// <summary>True for the one scheduled run of the week; false for runs the owner asked for.</summary>
    public bool IsWeekly { get; set; }
    public ReportRunStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? BuiltAt { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>Who got it, as accepted by the mail server.</summary>
    public string? SentTo { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    /// <summary>What went wrong last, in pt-BR, for the owner.</summary>
    public string? LastError { get; set; }
    /// <summary>The Message-ID every attempt of this run uses, so a resend after an unclear crash is recognisably the same email.</summary>
    public required string MessageId { get; set; }
    /// <summary>The attempt that owns the run now: a job whose lease is not this one (a duplicate, a stale retry) sends nothing.</summary>
    public Guid? LeaseId { get; set; }
    /// <summary>The headline numbers of the email body (new, eligible, inactive, top customer), kept for the list.</summary>
    public int NewCustomers { get; set; }
    public int EligibleCustomers { get; set; }
    public int InactiveCustomers { get; set; }
    public string? TopCustomer { get; set; }

    public DateOnly WeekEnd => WeekStart.AddDays(6);
}

public enum ReportKind
{
    Abc = 1,
    Goal = 2,
    NewCustomers = 3,
    Inactive = 4,
    /// <summary>"Resumo do mês": only in the first weekly run of each month.</summary>
    MonthlySummary = 5,
    /// <summary>"Sua semana em 30 segundos": the first file of every run (listed first, though numbered last).</summary>
    Week = 6,
}

/// <summary>One built PDF of a run, stored so what was emailed can be downloaded again unchanged.</summary>
public class ReportFile : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    public Guid RunId { get; set; }
    public ReportKind Kind { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public int Pages { get; set; }
}
