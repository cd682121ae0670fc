using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Reconhece.Web.Domain;
using Reconhece.Web.Infrastructure;
using Reconhece.Web.Infrastructure.Email;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Account;

/// <summary>
/// The emails about a person's own account: the password-recovery link and the address confirmation.
/// They go out as background jobs (ids only), so the page answers at once, and in the same time whether
/// or not an account exists. Links point at <c>App:PublicUrl</c>, never at the Host header a request
/// carried (a forged host must not receive someone's reset link).
/// </summary>
public sealed class AccountEmails(
    CurrentBusiness current, UserManager<AppUser> users, IEmailSender email, IOptions<EmailOptions> options, IConfiguration configuration,
    Data.AppDbContext db, TimeProvider clock)
{
    /// <summary>One confirmation email per address a day: an address typed at sign-up may be someone else's.</summary>
    public static readonly TimeSpan ConfirmationEvery = TimeSpan.FromHours(24);


    [AutomaticRetry(Attempts = 3)]
    public async Task PasswordResetAsync(Guid businessId, Guid userId)
    {
        using var _ = current.Use(businessId);
        if (await users.FindByIdAsync(userId.ToString()) is not { IsActive: true, Email: not null } user) return;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{configuration.PublicSite()}/redefinir-senha?u={user.Id}&t={Uri.EscapeDataString(token)}";
        await SendAsync(user, "Reconhece: crie uma nova senha",
            $"Olá, {user.FullName}!\n\nRecebemos um pedido para criar uma nova senha do seu acesso ao Reconhece. " +
            $"Para criar, abra este link (vale por 1 hora e só uma vez):\n\n{link}\n\n" +
            "Se não foi você, ignore este e-mail: a senha atual continua valendo.");
    }

    [AutomaticRetry(Attempts = 3)]
    public async Task ConfirmAddressAsync(Guid businessId, Guid userId)
    {
        using var _ = current.Use(businessId);
        if (await users.FindByIdAsync(userId.ToString()) is not { Email: not null, EmailConfirmed: false } user) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var before = now - ConfirmationEvery;
        // Claimed in one conditional update: many presses, or many jobs at once, send one a day.
        if (await db.Users.Where(u => u.Id == user.Id && (u.ConfirmationSentAt == null || u.ConfirmationSentAt <= before))
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.ConfirmationSentAt, now)) == 0) return;
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = $"{configuration.PublicSite()}/confirmar-email?u={user.Id}&t={Uri.EscapeDataString(token)}";
        await SendAsync(user, "Reconhece: confirme o seu e-mail",
            $"Olá, {user.FullName}!\n\nOs relatórios semanais trazem dados dos seus clientes, por isso só vão para endereços confirmados. " +
            $"Confirme este e-mail abrindo o link (vale por 1 hora; na tela Relatórios há um botão para pedir outro):\n\n{link}");
    }

    private Task SendAsync(AppUser user, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text + "\n\nReconhece — conheça e reconheça seus clientes" } };
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(new MailboxAddress(user.FullName, user.Email!));
        return email.SendAsync(message, CancellationToken.None);
    }
}
