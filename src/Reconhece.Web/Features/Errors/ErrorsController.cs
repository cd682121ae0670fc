using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Reconhece.Web.Features.Errors;

/// <summary>pt-BR pages for failures and status codes; never a stack trace outside Development.</summary>
[AllowAnonymous, IgnoreAntiforgeryToken]
public sealed class ErrorsController : Controller
{
    [Route("/erro")]
    public IActionResult Error()
    {
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Error", 500);
    }

    [Route("/erro/{code:int}")]
    public IActionResult Status(int code)
    {
        Response.StatusCode = code is >= 400 and <= 599 ? code : 500;
        return View("Error", Response.StatusCode);
    }
}
