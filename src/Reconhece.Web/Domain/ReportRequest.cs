namespace Reconhece.Web.Domain;

/// <summary>
/// A press of "Gerar agora" or "Enviar agora": the form's key and the run it built or sent. A replay of
/// the same form (a double tap, Back and resubmit, a retried request) finds this row and never builds or
/// sends again, even long after the first press finished.
/// </summary>
public class ReportRequest : ITenantOwned
{
    public Guid BusinessId { get; set; }
    public Guid Key { get; set; }
    public Guid RunId { get; set; }
    /// <summary>"Enviar agora" (true) or "Gerar agora" (false): the same key for the other button is another request.</summary>
    public bool Send { get; set; }
    public DateTime At { get; set; }
}
