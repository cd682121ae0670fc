using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Reconhece.Web.Infrastructure.Email;

/// <summary>Hands a message to whatever delivers mail. Returns only once it was accepted; throws otherwise.</summary>
public interface IEmailSender
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Delivers through the configured SMTP server with MailKit.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), ct);
            if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
            await client.SendAsync(message, ct);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        // Accepted (250): the caller records it now. QUIT is a courtesy said afterwards: its failure must not
        // make an accepted send look failed (and be sent again), nor its wait on a busy server widen the
        // moment in which a crash leaves a sent email unrecorded (docs/reliability.md, killed workers).
        _ = QuitAsync(client);
    }

    private static async Task QuitAsync(SmtpClient client)
    {
        using (client)
        {
            try { await client.DisconnectAsync(quit: true, CancellationToken.None); }
            catch (Exception) { /* the message was accepted; a lost goodbye changes nothing */ }
        }
    }
}

/// <summary>The default without an SMTP server: each message becomes an .eml file a mail program opens.</summary>
public sealed class PickupFolderEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var folder = options.Value.PickupFolder;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path, ct);
    }
}

public static class EmailServices
{
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
            .Validate(o => MailboxAddress.TryParse(o.From, out _), "Email:From is not a valid address")
            .Validate(o => !o.UsesSmtp || Enum.TryParse<SecureSocketOptions>(o.Smtp.Security, true, out _),
                "Email:Smtp:Security must be None, StartTls, StartTlsWhenAvailable, SslOnConnect or Auto")
            .ValidateOnStart();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.UsesSmtp
            ? new SmtpEmailSender(sp.GetRequiredService<IOptions<EmailOptions>>())
            : new PickupFolderEmailSender(sp.GetRequiredService<IOptions<EmailOptions>>()));
        return services;
    }
}
