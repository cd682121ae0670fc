using System.ComponentModel.DataAnnotations;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Identity;
using Reconhece.Web.Infrastructure;
using Reconhece.Web.Resources;
using Reconhece.Web.Tenancy;

namespace Reconhece.Web.Features.Account;

public sealed class SignInInput
{
    [Display(Name = "E-mail")]
    [Required(ErrorMessage = "Informe o seu e-mail.")]
    [StringLength(200, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string Email { get; set; } = "";

    [Display(Name = "Senha")]
    [Required(ErrorMessage = "Informe a sua senha.")]
    [DataType(DataType.Password)]
    [StringLength(Identity.PasswordRules.MaxLength, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string Password { get; set; } = "";

    /// <summary>"Lembrar neste aparelho": off by default, shop phones are shared.</summary>
    public bool Remember { get; set; }

    public string? ReturnUrl { get; set; }
}

[AllowAnonymous]
public sealed class AccountController(
    SignInManager<AppUser> signIn, AppDbContext db, CurrentBusiness current, SignInThrottle throttle,
    IStringLocalizer<SharedResource> t, ILogger<AccountController> logger) : Controller
{
    [HttpGet("/cadastro")]
    public IActionResult SignUp() =>
        User.Identity?.IsAuthenticated == true ? RedirectToAction("Index", "Home") : View(new SignUpBusinessInput());

    [HttpPost("/cadastro"), EnableRateLimiting(WebServices.SignInRateLimit)]
    public async Task<IActionResult> SignUp(SignUpBusinessInput input, [FromServices] SignUpBusiness handler,
        [FromServices] IBackgroundJobClient jobs, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true) return RedirectToAction("Index", "Home");
        if (!ModelState.IsValid) return View(input);
        var result = await handler.HandleAsync(input, ct);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View(input);
        }
        await signIn.SignInAsync(result.Value!, isPersistent: false);
        // The weekly reports carry customers' data: they go to this address once it is confirmed.
        var (business, owner) = (result.Value!.BusinessId, result.Value.Id);
        jobs.Enqueue<AccountEmails>(j => j.ConfirmAddressAsync(business, owner));
        logger.LogInformation("Business {BusinessId} signed up", result.Value!.BusinessId);
        TempData["Flash"] = t["Bem-vindo! Seu negócio foi cadastrado."].Value;
        return RedirectToAction("Index", "Home");
    }

    [HttpGet("/entrar")]
    public IActionResult SignIn(string? returnUrl) =>
        User.Identity?.IsAuthenticated == true ? RedirectToAction("Index", "Home") : View(new SignInInput { ReturnUrl = returnUrl });

    [HttpPost("/entrar"), EnableRateLimiting(WebServices.SignInRateLimit)]
    public async Task<IActionResult> SignIn(SignInInput input)
    {
        if (!ModelState.IsValid) return View(input);
        var email = signIn.UserManager.NormalizeEmail(input.Email.Trim());
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "";
        if (throttle.WaitFor(email, address) is { } wait)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            ModelState.AddModelError("", t.Plural(minutes, "Muitas tentativas sem sucesso. Por segurança, aguarde {0} minuto e tente de novo.", "Muitas tentativas sem sucesso. Por segurança, aguarde {0} minutos e tente de novo.", minutes));
            return View(input);
        }
        await Task.Delay(throttle.AccountDelay(email), HttpContext.RequestAborted);

        // Nobody is signed in yet: the sign-in door says whose account the email is, and the rest of this
        // request works inside that business.
        var found = await TenantDoors.FindUserAsync(db, email, null, HttpContext.RequestAborted);
        using var scope = found is null ? null : current.Use(found.BusinessId);
        var user = found is null ? null : await signIn.UserManager.FindByIdAsync(found.UserId.ToString());
        // The same answer, in about the same time, whether the account exists, is deactivated or the password is wrong.
        if (!await PasswordMatchesAsync(user, input.Password))
        {
            throttle.Failed(email, address);
            logger.LogWarning("Failed sign-in for user {UserId}", user?.Id);
            ModelState.AddModelError("", t["E-mail ou senha incorretos."]);
            return View(input);
        }
        // Only who knows the password learns that the access was deactivated.
        if (!await signIn.CanSignInAsync(user!))
        {
            ModelState.AddModelError("", t["Este acesso está desativado. Fale com o responsável pelo negócio."]);
            return View(input);
        }
        throttle.Succeeded(email, address);
        await signIn.SignInAsync(user!, isPersistent: input.Remember);
        logger.LogInformation("User {UserId} signed in (remembered: {Remembered})", user!.Id, input.Remember);
        return Url.IsLocalUrl(input.ReturnUrl) ? LocalRedirect(input.ReturnUrl) : RedirectToAction("Index", "Home");
    }

    /// <summary>Checks the password; with no account, hashes anyway so the answer takes as long.</summary>
    private async Task<bool> PasswordMatchesAsync(AppUser? user, string password)
    {
        if (user is not null) return await signIn.UserManager.CheckPasswordAsync(user, password);
        signIn.UserManager.PasswordHasher.VerifyHashedPassword(null!, TimingHash, password);
        return false;
    }

    private static readonly string TimingHash = new PasswordHasher<AppUser>().HashPassword(null!, Guid.NewGuid().ToString());

    [HttpGet("/esqueci-senha")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordInput());

    [HttpPost("/esqueci-senha"), EnableRateLimiting(WebServices.SignInRateLimit)]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordInput input, [FromServices] PasswordRecovery recovery, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View(input);
        await recovery.RequestAsync(input.Email, ct);
        // The same answer whether or not the email has an account.
        ViewData["Sent"] = true;
        return View(input);
    }

    [HttpGet("/redefinir-senha")]
    public IActionResult ResetPassword(Guid u, [FromQuery(Name = "t")] string? token) => View(new ResetPasswordInput { U = u, T = token ?? "" });

    [HttpPost("/redefinir-senha"), EnableRateLimiting(WebServices.SignInRateLimit)]
    public async Task<IActionResult> ResetPassword(ResetPasswordInput input, [FromServices] PasswordRecovery recovery, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View(input);
        var result = await recovery.ResetAsync(input, ct);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View(input);
        }
        await signIn.SignOutAsync();
        TempData["Flash"] = t["Senha alterada. Entre com a nova senha."].Value;
        return RedirectToAction(nameof(SignIn));
    }

    /// <summary>The link in the email only asks: mail scanners open links by GET, and must not confirm an address.</summary>
    [HttpGet("/confirmar-email")]
    public IActionResult ConfirmEmail(Guid u, [FromQuery(Name = "t")] string? token)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        ViewData["User"] = u;
        ViewData["Token"] = token;
        return View();
    }

    [HttpPost("/confirmar-email"), ValidateAntiForgeryToken]
    public async Task<IActionResult> ConfirmEmailPost(Guid u, [FromForm(Name = "t")] string? token, [FromServices] Reports.ReportRecipients recipients, CancellationToken ct)
    {
        var found = u == Guid.Empty ? null : await TenantDoors.FindUserAsync(db, null, u, ct);
        using var scope = found is null ? null : current.Use(found.BusinessId);
        var user = found is null ? null : await signIn.UserManager.FindByIdAsync(found.UserId.ToString());
        var confirmed = user is not null && (user.EmailConfirmed || (await signIn.UserManager.ConfirmEmailAsync(user, token ?? "")).Succeeded);
        // Invitations to the extra addresses waited for this: the ones never sent go now.
        if (confirmed) await recipients.InvitePendingAsync(again: false, ct);
        ViewData["Confirmed"] = confirmed;
        return View("ConfirmEmail");
    }

    [HttpPost("/sair")]
    public async Task<IActionResult> SignOutNow()
    {
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(SignIn));
    }

    [HttpGet("/acesso-negado")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
