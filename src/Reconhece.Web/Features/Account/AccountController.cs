using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Data;
using Reconhece.Web.Domain;
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
    [StringLength(100, ErrorMessage = "Use no máximo {1} caracteres.")]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

[AllowAnonymous]
public sealed class AccountController(
    SignInManager<AppUser> signIn, AppDbContext db, CurrentBusiness current, IStringLocalizer<SharedResource> t,
    ILogger<AccountController> logger) : Controller
{
    [HttpGet("/cadastro")]
    public IActionResult SignUp() =>
        User.Identity?.IsAuthenticated == true ? RedirectToAction("Index", "Home") : View(new SignUpBusinessInput());

    [HttpPost("/cadastro"), EnableRateLimiting(WebServices.SignInRateLimit)]
    public async Task<IActionResult> SignUp(SignUpBusinessInput input, [FromServices] SignUpBusiness handler, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true) return RedirectToAction("Index", "Home");
        if (!ModelState.IsValid) return View(input);
        var result = await handler.HandleAsync(input, ct);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View(input);
        }
        await signIn.SignInAsync(result.Value!, isPersistent: true);
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
        // Nobody is signed in yet: the sign-in door says whose account the email is, and the rest of this
        // request works inside that business.
        var found = await TenantDoors.FindUserAsync(db, signIn.UserManager.NormalizeEmail(input.Email.Trim()), null, HttpContext.RequestAborted);
        using var scope = found is null ? null : current.Use(found.BusinessId);
        var user = found is null ? null : await signIn.UserManager.FindByIdAsync(found.UserId.ToString());
        if (user is null)
        {
            ModelState.AddModelError("", t["E-mail ou senha incorretos."]);
            return View(input);
        }
        var result = await signIn.PasswordSignInAsync(user, input.Password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            return Url.IsLocalUrl(input.ReturnUrl) ? LocalRedirect(input.ReturnUrl) : RedirectToAction("Index", "Home");
        }
        // Order matters: a locked or deactivated account says so, and only a real mismatch says "incorrect".
        var message = result.IsLockedOut
            ? t["Muitas tentativas sem sucesso. Por segurança, o acesso foi bloqueado por 15 minutos."]
            : result.IsNotAllowed
                ? t["Este acesso está desativado. Fale com o dono do negócio."]
                : t["E-mail ou senha incorretos."];
        logger.LogWarning("Failed sign-in for user {UserId} (locked out: {LockedOut})", user.Id, result.IsLockedOut);
        ModelState.AddModelError("", message);
        return View(input);
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
