using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Reconhece.Web.Features.Shared;

/// <summary>Field-level messages a use case returns to its form.</summary>
public sealed class FormErrors
{
    private readonly List<(string Field, string Message)> _items = [];
    public bool Any => _items.Count > 0;
    public IReadOnlyList<(string Field, string Message)> Items => _items;
    public void Add(string field, string message) => _items.Add((field, message));
    public FormResult<T> ToResult<T>() => new(default, _items);
}

public sealed record FormResult<T>(T? Value, IReadOnlyList<(string Field, string Message)> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>All the messages as one line, for a page that answers with a flash after a redirect.</summary>
    public string ErrorText => string.Join(" ", Errors.Select(e => e.Message));

    public void CopyTo(ModelStateDictionary modelState)
    {
        foreach (var (field, message) in Errors) modelState.AddModelError(field, message);
    }
}

public static class FormResult
{
    public static FormResult<T> Ok<T>(T value) => new(value, []);
}
