using CsvHelper;

namespace Reconhece.Web.Features.Shared;

/// <summary>
/// CSV a pt-BR spreadsheet opens as columns: ";" (the comma is the decimal mark), UTF-8 with BOM, and
/// values starting with =, +, -, @, a tab or CR neutralised (formula injection).
/// </summary>
public static class PtBrCsv
{
    public static CsvWriter Writer(Stream stream) =>
        CsvWriter.Create(stream, new CsvWriterOptions { Separator = ';', Injection = CsvInjection.Escape, WriteByteOrderMark = true }, leaveOpen: true);

    public const string ContentType = "text/csv; charset=utf-8";
}
