using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Identity;

/// <summary>Identity's messages in pt-BR (through the localizer, so they can be translated later).</summary>
public sealed class PtBrIdentityErrorDescriber(IStringLocalizer<SharedResource> t) : IdentityErrorDescriber
{
    private IdentityError E(string code, string text) => new() { Code = code, Description = t[text] };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "Não foi possível concluir. Tente novamente.");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), "Este e-mail já está cadastrado.");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), "Este e-mail já está cadastrado.");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), "Informe um e-mail válido.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), "Informe um e-mail válido.");
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = t["A senha precisa ter pelo menos {0} caracteres.", length] };
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "A senha precisa ter pelo menos um número.");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "A senha precisa ter pelo menos uma letra minúscula.");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "A senha precisa ter pelo menos uma letra maiúscula.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "A senha precisa ter pelo menos um símbolo.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = t["A senha precisa ter pelo menos {0} caracteres diferentes.", uniqueChars] };
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "Senha incorreta.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "Outra pessoa alterou este cadastro ao mesmo tempo. Tente novamente.");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "Link inválido ou expirado.");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "Bloqueio não habilitado para este usuário.");
}
