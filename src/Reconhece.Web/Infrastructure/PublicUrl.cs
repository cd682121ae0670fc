namespace Reconhece.Web.Infrastructure;

/// <summary>
/// Where people open the app (<c>App:PublicUrl</c>): every link an email carries starts here, never with
/// the Host header of a request (a forged host must not receive someone's link).
/// </summary>
public static class PublicUrl
{
    public const string Default = "http://127.0.0.1:5080";

    public static string PublicSite(this IConfiguration configuration) =>
        (configuration["App:PublicUrl"] is { Length: > 0 } url ? url : Default).TrimEnd('/');
}
