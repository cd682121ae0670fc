using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Shared;

/// <summary>Destructive actions take two taps (issue 22): the button opens a question, "Sim, …" does it.</summary>
public sealed class ConfirmationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Desativar_and_Encerrar_agora_ask_before_they_act()
    {
        var owner = await app.SignUpAsync();
        var staff = await owner.AddStaffAsync();
        await owner.Client.SubmitAsync("/filiais/nova", new Dictionary<string, string> { ["Name"] = "Filial Centro" });
        var id = await Promotions.PromotionCounterTests.CreateAsync(owner, "Dobro", new() { ["Multiplier"] = "2" });
        var promotion = await owner.Client.GetAsync($"/promocoes/{id}");

        foreach (var (page, action, yes) in new[]
        {
            (await owner.Client.GetAsync("/equipe"), $"/equipe/{staff.UserId}/desativar", "Sim, desativar"),
            (await owner.Client.GetAsync("/filiais"), "/desativar", "Sim, desativar"),
            (promotion, "/encerrar", "Sim, encerrar"),
        })
        {
            var form = page.Doc.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action")!.EndsWith(action, StringComparison.Ordinal));
            Assert.True(form is not null, $"{action}: {page.Url} {page.Text[..Math.Min(300, page.Text.Length)]}");
            // The only button that acts is inside a closed <details>, after the question.
            Assert.Equal("DETAILS", form!.ParentElement!.TagName);
            Assert.Null(form.ParentElement.GetAttribute("open"));
            Assert.Equal(yes, form.QuerySelector("button[type=submit]")!.TextContent.Trim());
            Assert.EndsWith("?", form.QuerySelector("p")!.TextContent.Split('?')[0] + "?", StringComparison.Ordinal);
        }
    }
}
