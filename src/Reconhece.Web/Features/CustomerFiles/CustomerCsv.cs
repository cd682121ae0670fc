using System.Text;
using CsvHelper;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Customers;
using Reconhece.Web.Features.Shared;

namespace Reconhece.Web.Features.CustomerFiles;

/// <summary>One accepted line of the file.</summary>
public sealed record ImportRow(int Line, string Phone, string? Name, string? Email, DateOnly? BirthDate, decimal Balance);

/// <summary>One refused line, with its number in the file and the reason in pt-BR.</summary>
public sealed record RejectedLine(int Line, string Reason);

/// <summary>
/// Reads a customers CSV as shops have them: ";" or "," (CsvHelper detects it), UTF-8 or Windows-1252,
/// phones in any form (BrazilianPhone), balances with a decimal comma. Columns are found by header name,
/// accents and case aside. Rows are streamed: memory stays flat however long the file.
/// </summary>
public static class CustomerCsv
{
    public const decimal MaxBalance = 1_000_000m;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.Ordinal)
    {
        ["celular"] = "phone", ["telefone"] = "phone", ["fone"] = "phone", ["whatsapp"] = "phone", ["phone"] = "phone", ["numero"] = "phone",
        ["nome"] = "name", ["cliente"] = "name", ["name"] = "name",
        ["email"] = "email", ["e-mail"] = "email",
        ["nascimento"] = "birth", ["data de nascimento"] = "birth", ["aniversario"] = "birth", ["data nascimento"] = "birth",
        ["saldo"] = "balance", ["pontos"] = "balance", ["saldo de pontos"] = "balance", ["saldo (pontos)"] = "balance",
    };

    static CustomerCsv() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>UTF-8 when the bytes are valid UTF-8 (with or without BOM); otherwise Windows-1252, what Excel in Portuguese saves.</summary>
    public static Encoding DetectEncoding(byte[] content)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(content);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252);
        }
    }

    /// <summary>The columns the file has, by role ("phone", "name"…); a header-less or phone-less file gives a message instead.</summary>
    public static IEnumerable<(ImportRow? Row, RejectedLine? Rejected)> Read(byte[] content, LoyaltyProgram program, IStringLocalizer t, Action<string> fileError)
    {
        using var reader = CsvReader.Create(new MemoryStream(content, writable: false),
            new CsvReaderOptions { Encoding = DetectEncoding(content), TrackLineNumbers = true, TrimWhitespace = true, SkipEmptyLines = true });
        var roles = new Dictionary<string, int>(StringComparer.Ordinal);
        var headers = reader.Headers;
        for (var i = 0; i < headers.Count; i++)
            if (Columns.TryGetValue(Plain(headers[i]), out var role)) roles.TryAdd(role, i);
        if (!roles.ContainsKey("phone"))
        {
            fileError(t["O arquivo precisa de uma coluna Celular (ou Telefone) na primeira linha. Colunas encontradas: {0}.", string.Join(", ", headers)]);
            yield break;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var fields = new LoyaltyProgram { CollectName = program.CollectName, CollectEmail = program.CollectEmail, CollectBirthDate = program.CollectBirthDate };
        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            string? Field(string role) => roles.TryGetValue(role, out var i) && i < reader.FieldCount ? reader.GetString(i) : null;
            var typed = Field("phone");
            var (phone, problem) = BrazilianPhone.Read(typed);
            if (problem != PhoneProblem.None)
            {
                yield return (null, new RejectedLine(line, PhoneMessages.For(problem, typed, t)));
                continue;
            }
            if (seen.TryGetValue(phone, out var first))
            {
                yield return (null, new RejectedLine(line, t["Celular repetido: já está na linha {0}.", first]));
                continue;
            }
            var errors = new FormErrors();
            var values = CustomerFields.Validate(new CustomerFieldsInput { Name = Field("name"), Email = Field("email"), BirthDate = Field("birth") }, fields, t, errors, "");
            var balance = 0m;
            var balanceText = Field("balance");
            if (!string.IsNullOrWhiteSpace(balanceText))
            {
                if (!MoneyText.TryParseReais(balanceText, out balance))
                    errors.Add("", t["Saldo inválido: use um número com vírgula, ex.: 120 ou 45,5."]);
                else if (balance > MaxBalance)
                    errors.Add("", t["Saldo acima do limite de {0} pontos.", Format.Points(MaxBalance)]);
            }
            if (errors.Any)
            {
                yield return (null, new RejectedLine(line, string.Join(" ", errors.Items.Select(e => e.Message))));
                continue;
            }
            seen[phone] = line;
            yield return (new ImportRow(line, phone, values.Name, values.Email, values.BirthDate, balance), null);
        }
    }

    /// <summary>"Data de Nascimento" → "data de nascimento"; "Aniversário" → "aniversario".</summary>
    private static string Plain(string header) => PlainText.Fold(header.Trim());
}
