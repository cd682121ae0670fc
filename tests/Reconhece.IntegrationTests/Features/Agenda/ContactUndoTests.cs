using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Agenda;

/// <summary>"Contato registrado · Desfazer" (issue 22): the person's own contact, for 10 minutes.</summary>
public sealed class ContactUndoTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    private async Task<(OwnerSession Owner, Guid Key)> ContactedAsync()
    {
        app.Clock.Now = Noon;
        var owner = await app.SignUpAsync("Salão Desfaz");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "100" });
        await owner.Client.RegisterPurchaseAsync("11987650301", "120", name: "Joana Duarte");
        var agenda = await owner.Client.GetAsync("/acoes?lista=meta");
        var form = agenda.Doc.QuerySelectorAll<IHtmlFormElement>("form[action^='/acoes/contato']").Single();
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden").ToDictionary(i => i.Name!, i => i.Value);
        fields["Channel"] = "1";
        await owner.Client.PostAsync(AppClient.Resolve(form.Action).PathAndQuery, fields);
        return (owner, Guid.Parse(fields["Key"]));
    }

    [Fact]
    public async Task The_person_undoes_their_contact_within_ten_minutes_and_the_customer_is_back()
    {
        var (owner, _) = await ContactedAsync();
        app.Clock.Now = Noon.AddMinutes(9);
        var agenda = await owner.Client.GetAsync("/acoes?lista=meta");
        Assert.True(agenda.Shows("Contato registrado: Joana Duarte · Desfazer"), agenda.Text);

        var undone = await owner.Client.SubmitAsync("/acoes?lista=meta", new Dictionary<string, string>(), "/acoes/contato/desfazer");

        Assert.True(undone.Shows("Contato desfeito: o cliente voltou para a lista."), undone.Text);
        Assert.Contains("Joana Duarte", string.Concat(undone.Doc.QuerySelectorAll("ul.list li").Select(li => li.TextContent)), StringComparison.Ordinal);
        Assert.Equal(0, await app.InBusinessAsync(owner.BusinessId, db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task After_ten_minutes_or_by_someone_else_the_contact_stays()
    {
        var (owner, key) = await ContactedAsync();
        var staff = await owner.AddStaffAsync();
        await owner.Client.SubmitAsync("/acoes/configuracoes", new Dictionary<string, string> { ["StaffSeesAgenda"] = "true" });
        var (counter, _) = await app.SignInAsync(staff.Email, staff.Password);

        var byOther = await counter.PostAsync("/acoes/contato/desfazer", new Dictionary<string, string> { ["Key"] = key.ToString() });
        app.Clock.Now = Noon.AddMinutes(10).AddSeconds(1);
        var late = await owner.Client.PostAsync("/acoes/contato/desfazer", new Dictionary<string, string> { ["Key"] = key.ToString() });

        Assert.True(byOther.Shows("Este contato não pode mais ser desfeito"), byOther.Text);
        Assert.True(late.Shows("Este contato não pode mais ser desfeito: só quem registrou, nos primeiros 10 minutos."), late.Text);
        Assert.False(late.Shows("Contato registrado: Joana Duarte"));
        Assert.Equal(1, await app.InBusinessAsync(owner.BusinessId, db => db.Contacts.CountAsync()));
    }
}
