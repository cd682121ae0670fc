namespace Reconhece.Web.Infrastructure.Email;

/// <summary>
/// Where mail goes. With <c>Email:Smtp:Host</c> set, through that SMTP server; without it (the default
/// run), each message is written as an .eml file to <c>Email:PickupFolder</c>.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender, e.g. "Reconhece &lt;relatorios@seudominio.com.br&gt;".</summary>
    public string From { get; set; } = "Reconhece <relatorios@reconhece.app>";
    public SmtpOptions Smtp { get; set; } = new();
    /// <summary>Folder for .eml files when no SMTP host is set.</summary>
    public string PickupFolder { get; set; } = Path.Combine(Path.GetTempPath(), "reconhece-mail");

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>None, StartTls, StartTlsWhenAvailable, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";
    public string? User { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 60;
}
