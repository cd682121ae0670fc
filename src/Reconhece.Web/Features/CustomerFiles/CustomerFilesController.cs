using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Identity;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.CustomerFiles;

/// <summary>Importing customers from a CSV (with a preview) and exporting the customer list (owner).</summary>
[Authorize(Policy = Policies.Owner), Route("/clientes")]
public sealed class CustomerFilesController(AppDbContext db, ImportCustomers imports, IStringLocalizer<SharedResource> t) : Controller
{
    private const string UploadView = "/Features/CustomerFiles/Upload.cshtml";
    private const string PreviewView = "/Features/CustomerFiles/Preview.cshtml";

    [HttpGet("exportar.csv")]
    public async Task<IActionResult> Export(CancellationToken ct) =>
        File(await ExportCustomers.CsvAsync(db, ct), PtBrCsv.ContentType, "clientes.csv");

    [HttpGet("importar")]
    public IActionResult Upload() => View(UploadView);

    [HttpPost("importar"), RequestSizeLimit(ImportCustomers.MaxBytes + 64 * 1024), RequestFormLimits(MultipartBodyLengthLimit = ImportCustomers.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> Upload(IFormFile? arquivo, CancellationToken ct)
    {
        if (arquivo is null || arquivo.Length == 0) return UploadError(t["Escolha o arquivo CSV dos clientes."]);
        if (arquivo.Length > ImportCustomers.MaxBytes)
            return UploadError(t["Arquivo grande demais: o limite é {0} MB. Divida-o em partes.", ImportCustomers.MaxBytes / 1024 / 1024]);
        using var buffer = new MemoryStream((int)arquivo.Length);
        await arquivo.CopyToAsync(buffer, ct);
        var bytes = buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();   // one copy of the file, not two
        var (id, error) = await imports.UploadAsync(arquivo.FileName, bytes, User.UserId(), ct);
        return id is { } ok ? Redirect($"/clientes/importar/{ok}") : UploadError(error!);
    }

    [HttpGet("importar/{id:guid}")]
    public async Task<IActionResult> Preview(Guid id, string? resultado, CancellationToken ct)
    {
        if (await imports.PreviewAsync(id, ct) is not { } preview) return NotFound();
        // The outcome rides in the URL, not in the TempData cookie: two taps racing each read their own answer.
        if (resultado == "importado") TempData["Flash"] = t["Clientes importados."].Value;
        else if (resultado == "repetido") TempData["Flash"] = t["Este arquivo já tinha sido importado."].Value;
        return View(PreviewView, preview);
    }

    [HttpPost("importar/{id:guid}")]
    public async Task<IActionResult> Apply(Guid id, CancellationToken ct)
    {
        var outcome = await imports.ApplyAsync(id, User.UserId(), ct);
        if (outcome == ApplyOutcome.NotFound) return NotFound();
        if (outcome == ApplyOutcome.NothingToImport)
        {
            TempData["FlashError"] = t["Nada a importar: nenhuma linha válida. Confira o arquivo."].Value;
            return Redirect($"/clientes/importar/{id}");
        }
        return Redirect($"/clientes/importar/{id}?resultado={(outcome == ApplyOutcome.Imported ? "importado" : "repetido")}");
    }

    private ViewResult UploadError(string message)
    {
        ModelState.AddModelError("arquivo", message);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(UploadView);
    }
}
