using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Shared;

namespace Reconhece.Web.Features.Home;

/// <summary>"Mais": every page that is not in the tab bar, for the person's role (Menu.More).</summary>
[Authorize]
public sealed class MoreController : Controller
{
    [HttpGet(Menu.MoreHref)]
    public IActionResult Index() => View("~/Features/Home/More.cshtml", Menu.For(Menu.More, User.IsInRole(Roles.Owner)).ToList());
}
