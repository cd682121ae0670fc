using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;
using Reconhece.Web.Resources;

namespace Reconhece.Web.Features.Recognition;

/// <summary>
/// The "Ganhou o brinde!" banner of the purchase result and the customer page: the gift, its cost in points,
/// and, for whoever may hand it over, "Entregar agora" behind one confirmation (issue 22).
/// </summary>
public sealed record GiftBanner(Guid CustomerId, Guid? PurchaseId, string Gift, decimal Goal, bool CanHandOver, bool IsOwner,
    DateTime? EligibleSince, TimeZoneInfo Zone)
{
    /// <summary>The form's idempotency key: a double tap on "Confirmar entrega" hands the gift over once.</summary>
    public Guid Key { get; } = Guid.NewGuid();
}

public static class GiftHandOver
{
    /// <summary>Who may record the gift handed over: the owner always; staff while the owner's setting allows it.</summary>
    public static bool Allowed(bool isOwner, LoyaltyProgram program) => isOwner || program.StaffCanHandOver;

    /// <summary>What the person who tapped is told, for the quick hand-over and the owner's full form alike.</summary>
    public static void Tell(ITempDataDictionary temp, RecognizeOutcome outcome, decimal goal, IStringLocalizer<SharedResource> t)
    {
        if (outcome == RecognizeOutcome.NotEligible)
            temp["FlashError"] = t["O saldo está abaixo da meta: o brinde não foi registrado."].Value;
        else temp["Flash"] = outcome == RecognizeOutcome.Recognized
            ? t.Plural(goal, "Brinde entregue! {0} ponto saiu do saldo; o que passou da meta continua.",
                "Brinde entregue! {0} pontos saíram do saldo; o que passou da meta continua.", Format.Points(goal)).Value
            : t["Esta entrega já tinha sido registrada."].Value;
    }
}
