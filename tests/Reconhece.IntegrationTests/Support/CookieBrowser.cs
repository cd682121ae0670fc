using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Reconhece.IntegrationTests.Support;

/// <summary>A browser reduced to its cookies: no redirects followed, every header visible.</summary>
internal sealed partial class CookieBrowser(HttpClient http, Dictionary<string, string> cookies)
{
    public string SetCookie { get; private set; } = "";
    public string AuthCookie => cookies["reconhece.auth"];

    /// <summary>Where a redirect points, as a path (Location may be relative or absolute).</summary>
    public static string? RedirectPath(HttpResponseMessage response) =>
        response.Headers.Location is not { } l ? null : l.IsAbsoluteUri ? l.AbsolutePath : l.OriginalString.Split('?')[0];

    public static CookieBrowser With(AppFactory app, string authCookie) => new(Client(app), new() { ["reconhece.auth"] = authCookie });

    public static async Task<CookieBrowser> SignInAsync(AppFactory app, string email, string password, bool remember, Uri? baseAddress = null)
    {
        var browser = new CookieBrowser(Client(app, baseAddress), []);
        var fields = new Dictionary<string, string> { ["Email"] = email, ["Password"] = password };
        if (remember) fields["Remember"] = "true";
        var response = await browser.PostAsync("/entrar", fields, tokenFrom: "/entrar");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        browser.SetCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("reconhece.auth=", StringComparison.Ordinal) || c.StartsWith("__Host-reconhece=", StringComparison.Ordinal));
        return browser;
    }

    public async Task<HttpResponseMessage> GetAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        return await SendAsync(request);
    }

    public async Task<HttpResponseMessage> PostAsync(string url, Dictionary<string, string>? fields = null, string tokenFrom = "/")
    {
        var html = await (await GetAsync(tokenFrom)).Content.ReadAsStringAsync();
        var values = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = TokenPattern().Match(html).Groups[1].Value };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = new FormUrlEncodedContent(values) };
        return await SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await http.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
        {
            var pair = header.Split(';')[0].Split('=', 2);
            if (header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) cookies.Remove(pair[0]);
            else cookies[pair[0]] = pair[1];
        }
        return response;
    }

    private static HttpClient Client(AppFactory app, Uri? baseAddress = null) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = baseAddress ?? new Uri("http://localhost") });

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
