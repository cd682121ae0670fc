using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Xunit;

namespace Reconhece.IntegrationTests.Support;

/// <summary>A page as the browser got it: status, final address and parsed HTML.</summary>
public sealed record Page(HttpStatusCode Status, IDocument Doc, Uri Url)
{
    /// <summary>The visible text, with no-break spaces as plain spaces (ICU versions differ on "R$ 1,00").</summary>
    public string Text => Normalize(Doc.Body?.TextContent);
    public bool Shows(string text) => Text.Contains(text, StringComparison.Ordinal);
    /// <summary>The message shown next to a field, or null.</summary>
    public string? FieldError(string field) =>
        Doc.QuerySelectorAll($"[data-valmsg-for='{field}']").Select(e => Normalize(e.TextContent).Trim()).FirstOrDefault(t => t.Length > 0);

    public static string Normalize(string? text) => (text ?? "").Replace('\u00A0', ' ').Replace('\u202F', ' ');

    /// <summary>The messages shown at the top of a form.</summary>
    public string FormError => Normalize(Doc.QuerySelector(".errors")?.TextContent).Trim();
}

/// <summary>An HttpClient that talks to the app like a browser without JavaScript: forms, cookies, antiforgery.</summary>
public sealed class AppClient(HttpClient http)
{
    private static readonly IBrowsingContext Parser = BrowsingContext.New(Configuration.Default);
    public HttpClient Http => http;

    public async Task<Page> GetAsync(string url)
    {
        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        return await ToPageAsync(response);
    }

    /// <summary>Opens <paramref name="pageUrl"/>, fills its form (the one posting to <paramref name="action"/>, or the main one) and submits it.</summary>
    public async Task<Page> SubmitAsync(string pageUrl, IReadOnlyDictionary<string, string> fields, string? action = null)
    {
        var page = await GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var form = page.Doc.QuerySelectorAll<IHtmlFormElement>("form")
            .FirstOrDefault(f => action is null ? Resolve(f.Action).AbsolutePath != "/sair" : Resolve(f.Action).AbsolutePath == action)
            ?? throw new InvalidOperationException($"No form {action} on {pageUrl}");
        // What a browser would send: checked radios and checkboxes only (every checked box of a name, as a
        // list), every other field with its value; a field the test sets replaces all values of its name.
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name) && i.Type != "submit"))
        {
            if (input.Type is "radio" or "checkbox" && !input.IsChecked) continue;
            if (input.Type != "checkbox") values.RemoveAll(v => v.Key == input.Name);
            values.Add(new(input.Name!, input.Value));
        }
        foreach (var select in form.Elements.OfType<IHtmlSelectElement>().Where(s => !string.IsNullOrEmpty(s.Name)))
            values.Add(new(select.Name!, select.Value ?? ""));
        foreach (var area in form.Elements.OfType<IHtmlTextAreaElement>().Where(a => !string.IsNullOrEmpty(a.Name)))
            values.Add(new(area.Name!, area.Value));
        foreach (var (k, v) in fields)
        {
            values.RemoveAll(x => x.Key == k);
            values.Add(new(k, v));
        }
        if (!values.Any(v => v.Key == "__RequestVerificationToken")) values.Add(new("__RequestVerificationToken", await TokenAsync()));
        using var content = new FormUrlEncodedContent(values);
        using var response = await http.PostAsync(new Uri(Resolve(form.Action).PathAndQuery, UriKind.Relative), content);
        return await ToPageAsync(response);
    }

    /// <summary>A form's action as the browser reads it ("/acoes/contato?lista=meta" is a path and a query, not a file).</summary>
    public static Uri Resolve(string action) => new(new Uri("http://localhost/"), action);

    /// <summary>Posts to an action (e.g. a "Desativar" button) with this session's antiforgery token.</summary>
    public async Task<Page> PostAsync(string url, IReadOnlyDictionary<string, string>? fields = null)
    {
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>());
        if (!values.ContainsKey("__RequestVerificationToken")) values["__RequestVerificationToken"] = await TokenAsync();
        using var content = new FormUrlEncodedContent(values);
        using var response = await http.PostAsync(new Uri(url, UriKind.Relative), content);
        return await ToPageAsync(response);
    }

    /// <summary>Uploads a file through a form's file field (multipart), with this session's antiforgery token.</summary>
    public async Task<Page> UploadAsync(string url, string field, string fileName, byte[] file)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(await TokenAsync()), "__RequestVerificationToken");
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        content.Add(part, field, fileName);
        using var response = await http.PostAsync(new Uri(url, UriKind.Relative), content);
        return await ToPageAsync(response);
    }

    public async Task<Page> PostWithoutTokenAsync(string url, IReadOnlyDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await http.PostAsync(new Uri(url, UriKind.Relative), content);
        return await ToPageAsync(response);
    }

    private async Task<string> TokenAsync()
    {
        foreach (var url in new[] { "/", "/entrar" })
        {
            var page = await GetAsync(url);
            var token = page.Doc.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
            if (token is not null) return token;
        }
        throw new InvalidOperationException("No antiforgery token found.");
    }

    private static async Task<Page> ToPageAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var doc = await Parser.OpenAsync(r => r.Content(html));
        return new Page(response.StatusCode, doc, response.RequestMessage!.RequestUri!);
    }
}
