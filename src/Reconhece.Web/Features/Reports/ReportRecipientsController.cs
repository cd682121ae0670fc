using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Reconhece.Web.Features.Reports;

/// <summary>The landing of the confirmation link an extra report recipient receives (no account needed).</summary>
[AllowAnonymous]
public sealed class ReportRecipientsController(ReportRecipients recipients) : Controller
{
    [HttpGet("/relatorios/confirmar/{token}")]
    public async Task<IActionResult> Confirm(string token, CancellationToken ct)
    {
        var business = await recipients.ConfirmAsync(token, ct);
        return business is null ? NotFound() : View("/Features/Reports/Confirmed.cshtml", business);
    }
}
