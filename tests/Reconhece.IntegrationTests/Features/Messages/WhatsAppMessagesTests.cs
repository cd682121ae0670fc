using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Domain;
using Reconhece.Web.Features.Messages;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Messages;

/// <summary>
/// The automatic messages by WhatsApp, against a local server that implements the Cloud API's documented
/// contract (FakeWhatsAppCloud, on WireMock.Net), with a movable clock: the owner's set-up with a token that
/// is never shown again, the template request, 130429's back-off, 131026 never retried, 190 pausing the
/// channel with the owner told, and the signed status webhooks.
/// </summary>
public sealed class WhatsAppMessagesTests(WhatsAppAppFactory app) : IClassFixture<WhatsAppAppFactory>
{
    private static readonly DateTimeOffset Morning = ReportScenario.LocalSp(new DateOnly(2026, 12, 9), 10);

    [Fact]
    public async Task The_owner_sets_up_a_number_the_token_is_never_shown_and_a_message_goes_as_the_approved_template()
    {
        var owner = await app.SignUpAsync("Sorveteria Zap");
        var phoneNumberId = NewPhoneNumberId();
        // Bad input: a pt-BR message by the field, nothing saved.
        var bad = await owner.Client.SubmitAsync("/acoes/automaticas/whatsapp", new Dictionary<string, string>
            { ["PhoneNumberId"] = "12ab", ["Token"] = FakeWhatsAppCloud.ValidToken, ["Templates[1].Name"] = "Meta Atingida", ["Templates[2].Name"] = "vencendo", ["Templates[2].Parameters"] = "{nome}" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.Status);
        Assert.Contains("só dígitos", bad.FieldError("PhoneNumberId"), StringComparison.Ordinal);
        Assert.Contains("letras minúsculas", bad.FieldError("Templates[1].Name"), StringComparison.Ordinal);
        Assert.Contains("Inclua {cartao}", bad.FieldError("Templates[2].Parameters"), StringComparison.Ordinal);   // every message says how to stop
        Assert.Null(await app.InBusinessAsync(owner.BusinessId, db => db.Businesses.Select(b => b.WhatsApp.PhoneNumberId).SingleAsync()));

        var saved = await SetUpAsync(owner, phoneNumberId, FakeWhatsAppCloud.ValidToken);
        Assert.True(saved.Shows("WhatsApp salvo."), saved.Text);
        Assert.DoesNotContain(FakeWhatsAppCloud.ValidToken, saved.Text, StringComparison.Ordinal);
        Assert.True(saved.Shows("Há um token salvo"), saved.Text);
        var stored = await app.InBusinessAsync(owner.BusinessId, db => db.Businesses.Select(b => b.WhatsApp.ProtectedToken).SingleAsync());
        Assert.DoesNotContain(FakeWhatsAppCloud.ValidToken, stored!, StringComparison.Ordinal);   // encrypted at rest

        var customer = await CustomerAsync(owner, "Joana Prado", email: null);
        var id = await PlanAsync(owner, customer.Id, MessageTrigger.GoalReached, Morning.UtcDateTime.AddMinutes(-5));
        Assert.Equal(1, await SendAtAsync(owner, Morning));

        var body = Assert.Single(app.Cloud.BodiesTo(phoneNumberId));
        Assert.Equal(customer.Phone.TrimStart('+'), (string?)body["to"]);
        Assert.Equal("meta_atingida", (string?)body["template"]!["name"]);
        Assert.Equal("pt_BR", (string?)body["template"]!["language"]!["code"]);
        var parameters = body["template"]!["components"]![0]!["parameters"]!.AsArray().Select(p => (string?)p!["text"]).ToList();
        Assert.Equal("Joana", parameters[0]);
        Assert.Equal("um brinde especial", parameters[1]);
        Assert.Contains("/c/", parameters[2], StringComparison.Ordinal);
        Assert.Equal("Bearer " + FakeWhatsAppCloud.ValidToken, app.Cloud.Received.Single(r => r.PhoneNumberId == phoneNumberId).Authorization);

        var row = await RowAsync(owner, id);
        Assert.Equal((OutboxStatus.Sent, MessageChannel.WhatsApp), (row.Status, row.Channel));
        Assert.StartsWith("wamid.", row.ProviderId, StringComparison.Ordinal);
        // Counted as an "automático" contact of Meta atingida in the Ações results.
        var contact = await app.InBusinessAsync(owner.BusinessId, db => db.Contacts.SingleAsync(c => c.CustomerId == customer.Id));
        Assert.Equal((ContactChannel.Automatic, (Guid?)null, AgendaList.Goal), (contact.Channel, contact.UserId, contact.List));
        var results = await owner.Client.GetAsync("/acoes");
        Assert.Contains(results.Doc.QuerySelectorAll("table.rows td"), td => td.TextContent == "Mensagens automáticas");
        // The month's cost, estimated from the price the owner entered (R$ 0,35), never a price of ours.
        app.Clock.Now = Morning;   // the month of the message, whenever the suite runs
        Page cost;
        try { cost = await owner.Client.GetAsync("/acoes/automaticas/resultados"); }
        finally { app.Clock.Now = null; }
        Assert.Contains("1 mensagem × R$ 0,35 = R$ 0,35", Page.Normalize(cost.Doc.QuerySelector("[data-testid=cost]")!.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_limit_backs_off_and_then_succeeds_and_an_undeliverable_message_is_never_retried()
    {
        var owner = await app.SignUpAsync("Adega Limite Zap");
        var phoneNumberId = NewPhoneNumberId();
        await SetUpAsync(owner, phoneNumberId, FakeWhatsAppCloud.ValidToken);
        var first = await PlanAsync(owner, (await CustomerAsync(owner, "Ana", null)).Id, MessageTrigger.GoalReached, Morning.UtcDateTime.AddMinutes(-5));

        app.Cloud.FailNext(130429);
        Assert.Equal(0, await SendAtAsync(owner, Morning));
        var waiting = await RowAsync(owner, first);
        Assert.Equal((OutboxStatus.Planned, 130429, 1, Morning.UtcDateTime.AddMinutes(1)), (waiting.Status, waiting.ErrorCode, waiting.Attempts, waiting.DueAt));
        Assert.Equal(0, await SendAtAsync(owner, Morning.AddSeconds(30)));   // still backing off: nothing is called
        Assert.Single(app.Cloud.BodiesTo(phoneNumberId));
        Assert.Equal(1, await SendAtAsync(owner, Morning.AddMinutes(2)));
        Assert.Equal(OutboxStatus.Sent, (await RowAsync(owner, first)).Status);

        var second = await PlanAsync(owner, (await CustomerAsync(owner, "Bia", null)).Id, MessageTrigger.GoalReached, Morning.UtcDateTime);
        app.Cloud.FailNext(131026);
        Assert.Equal(0, await SendAtAsync(owner, Morning.AddMinutes(3)));
        Assert.Equal(0, await SendAtAsync(owner, Morning.AddHours(2)));
        var failed = await RowAsync(owner, second);
        Assert.Equal((OutboxStatus.Failed, 131026), (failed.Status, failed.ErrorCode));
        Assert.Equal(3, app.Cloud.BodiesTo(phoneNumberId).Count());

        // 131047 (outside the 24-hour window) fails too; 131056 (too many to this customer) backs off for that customer only.
        var third = await PlanAsync(owner, (await CustomerAsync(owner, "Cris", null)).Id, MessageTrigger.GoalReached, Morning.UtcDateTime.AddHours(2));
        var fourth = await PlanAsync(owner, (await CustomerAsync(owner, "Duda", null)).Id, MessageTrigger.GoalReached, Morning.UtcDateTime.AddHours(2).AddSeconds(1));
        app.Cloud.FailNext(131047, 131056);
        Assert.Equal(0, await SendAtAsync(owner, Morning.AddHours(3)));
        Assert.Equal((OutboxStatus.Failed, 131047), ((await RowAsync(owner, third)).Status, (await RowAsync(owner, third)).ErrorCode));
        var backedOff = await RowAsync(owner, fourth);
        Assert.Equal((OutboxStatus.Planned, 131056, Morning.UtcDateTime.AddHours(3).AddMinutes(1)), (backedOff.Status, backedOff.ErrorCode, backedOff.DueAt));
        Assert.Equal(1, await SendAtAsync(owner, Morning.AddHours(3).AddMinutes(1)));
        Assert.Equal(OutboxStatus.Sent, (await RowAsync(owner, fourth)).Status);
        Assert.True((await owner.Client.GetAsync("/acoes/automaticas")).Shows("Falharam (recusadas pelo provedor, não reenviadas): 2"));
    }

    [Fact]
    public async Task An_invalid_token_pauses_whatsapp_the_owner_sees_why_and_e_mail_takes_over_until_a_new_token()
    {
        var owner = await app.SignUpAsync("Posto Token");
        var phoneNumberId = NewPhoneNumberId();
        await SetUpAsync(owner, phoneNumberId, "EAAG-token-que-a-meta-nao-aceita-mais-99");
        var customer = await CustomerAsync(owner, "Caio", $"caio-{Guid.NewGuid():N}@exemplo.com.br");
        var id = await PlanAsync(owner, customer.Id, MessageTrigger.GoalReached, Morning.UtcDateTime.AddMinutes(-5));

        Assert.Equal(0, await SendAtAsync(owner, Morning));   // 190: paused, the message waits for another channel
        Assert.NotNull(await app.InBusinessAsync(owner.BusinessId, db => db.Businesses.Select(b => b.WhatsApp.PausedAt).SingleAsync()));
        Assert.True((await owner.Client.GetAsync("/painel")).Shows("WhatsApp pausado desde"));
        Assert.True((await owner.Client.GetAsync("/acoes/automaticas/whatsapp")).Shows("a Meta recusou o token de acesso"));

        Assert.Equal(1, await SendAtAsync(owner, Morning.AddMinutes(10)));
        Assert.Single(app.Cloud.BodiesTo(phoneNumberId));   // WhatsApp was not called again
        Assert.Single(app.Smtp.To(customer.Email!));
        Assert.Equal(MessageChannel.Email, (await RowAsync(owner, id)).Channel);

        // A new token lifts the pause.
        await owner.Client.SubmitAsync("/acoes/automaticas/whatsapp", new Dictionary<string, string> { ["Token"] = FakeWhatsAppCloud.ValidToken });
        Assert.Null(await app.InBusinessAsync(owner.BusinessId, db => db.Businesses.Select(b => b.WhatsApp.PausedAt).SingleAsync()));
        Assert.False((await owner.Client.GetAsync("/painel")).Shows("WhatsApp pausado"));
    }

    [Fact]
    public async Task Status_webhooks_need_meta_s_signature_and_touch_only_the_business_of_their_number()
    {
        var anon = app.CreateClient();
        var verify = await anon.GetAsync($"/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={WhatsAppAppFactory.VerifyToken}&hub.challenge=1158201444");
        Assert.Equal(("1158201444", HttpStatusCode.OK), (await verify.Content.ReadAsStringAsync(), verify.StatusCode));
        Assert.Equal(HttpStatusCode.Forbidden, (await anon.GetAsync("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=outro&hub.challenge=1")).StatusCode);

        var a = await app.SignUpAsync("Salão Status A");
        var aNumber = NewPhoneNumberId();
        await SetUpAsync(a, aNumber, FakeWhatsAppCloud.ValidToken);
        var id = await PlanAsync(a, (await CustomerAsync(a, "Lia", null)).Id, MessageTrigger.GoalReached, Morning.UtcDateTime.AddMinutes(-5));
        Assert.Equal(1, await SendAtAsync(a, Morning));
        var wamid = (await RowAsync(a, id)).ProviderId!;
        var b = await app.SignUpAsync("Salão Status B");
        // A's number cannot be B's too: the webhook must find one business per number.
        var taken = await SetUpAsync(b, aNumber, FakeWhatsAppCloud.ValidToken);
        Assert.Equal("Este número já está ligado a outra conta do Reconhece.", taken.FieldError("PhoneNumberId"));
        var bNumber = NewPhoneNumberId();
        await SetUpAsync(b, bNumber, FakeWhatsAppCloud.ValidToken);

        // A bad signature is refused and changes nothing.
        var delivered = Statuses(aNumber, (wamid, "delivered", null));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostWebhookAsync(anon, delivered, "sha256=" + new string('0', 64))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostWebhookAsync(anon, delivered, null)).StatusCode);
        Assert.Null((await RowAsync(a, id)).DeliveredAt);
        // B's number naming A's message touches nothing.
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(anon, Statuses(bNumber, (wamid, "read", null)), Sign(Statuses(bNumber, (wamid, "read", null))))).StatusCode);
        Assert.Null((await RowAsync(a, id)).ReadAt);

        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(anon, delivered, Sign(delivered))).StatusCode);
        var read = Statuses(aNumber, (wamid, "read", null));
        await PostWebhookAsync(anon, read, Sign(read));
        var row = await RowAsync(a, id);
        Assert.NotNull(row.DeliveredAt);
        Assert.NotNull(row.ReadAt);

        // "failed" after acceptance: failed with Meta's code, and no longer counted as a contact.
        var failed = Statuses(aNumber, (wamid, "failed", 131026));
        await PostWebhookAsync(anon, failed, Sign(failed));
        Assert.Equal((OutboxStatus.Failed, 131026), ((await RowAsync(a, id)).Status, (await RowAsync(a, id)).ErrorCode));
        Assert.Equal(0, await app.InBusinessAsync(a.BusinessId, db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task The_results_count_as_reachable_exactly_the_customers_the_sender_finds_a_channel_for()
    {
        // The channel rule has two homes: SendMessages (C#) and MessageResults (SQL). Both are run on the same cases.
        var owner = await app.SignUpAsync("Adega Acordo");
        await SetUpAsync(owner, NewPhoneNumberId(), FakeWhatsAppCloud.ValidToken);   // a template for Meta atingida only
        var windowClosed = DateTime.UtcNow.AddDays(-20);
        var expected = new Dictionary<MessageTrigger, int>();
        foreach (var trigger in new[] { MessageTrigger.GoalReached, MessageTrigger.Fading })
            foreach (var email in new[] { "tem", null, "descadastrado" })
            {
                var sent = await CustomerAsync(owner, "Enviado", email is null ? null : $"{email}-{Guid.NewGuid():N}@exemplo.com.br");
                var held = await CustomerAsync(owner, "Controle", email is null ? null : $"{email}-{Guid.NewGuid():N}@exemplo.com.br");
                if (email == "descadastrado")
                    await app.InBusinessAsync(owner.BusinessId, db => db.Customers.Where(c => c.Id == sent.Id || c.Id == held.Id)
                        .ExecuteUpdateAsync(u => u.SetProperty(c => c.EmailOptOutAt, DateTime.UtcNow)));
                var row = await PlanAsync(owner, sent.Id, trigger, Morning.UtcDateTime.AddMinutes(-5));
                await app.InBusinessAsync(owner.BusinessId, async db =>
                {
                    db.OutboxMessages.Add(new OutboxMessage { Id = Guid.NewGuid(), CustomerId = held.Id, Trigger = trigger, Occasion = "controle", Status = OutboxStatus.Holdout, PlannedAt = windowClosed, DueAt = windowClosed });
                    return await db.SaveChangesAsync();
                });
                await SendAtAsync(owner, Morning);
                if ((await RowAsync(owner, row)).Status != OutboxStatus.NoChannel) expected[trigger] = expected.GetValueOrDefault(trigger) + 1;
            }
        Assert.Equal(3, expected[MessageTrigger.GoalReached]);   // WhatsApp reaches everyone
        Assert.Equal(1, expected[MessageTrigger.Fading]);        // only the e-mail not unsubscribed

        using var scope = app.Services.CreateScope();
        using var inBusiness = scope.ServiceProvider.GetRequiredService<Reconhece.Web.Tenancy.CurrentBusiness>().Use(owner.BusinessId);
        var page = await scope.ServiceProvider.GetRequiredService<MessageResults>().LoadAsync(CancellationToken.None);
        foreach (var (trigger, reachable) in expected)
            Assert.Equal(reachable, page.Triggers.Single(t => t.Trigger == trigger).Holdout.Customers);
    }

    private static string NewPhoneNumberId() => "10" + Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Task<Page> SetUpAsync(OwnerSession owner, string phoneNumberId, string token) =>
        owner.Client.SubmitAsync("/acoes/automaticas/whatsapp", new Dictionary<string, string>
        {
            ["PhoneNumberId"] = phoneNumberId, ["Token"] = token, ["PricePerMessage"] = "0,35",
            ["Templates[1].Name"] = "meta_atingida", ["Templates[1].Language"] = "pt_BR", ["Templates[1].Parameters"] = "{nome}, {premio}, {cartao}",
        });

    private async Task<int> SendAtAsync(OwnerSession owner, DateTimeOffset when)
    {
        app.Clock.Now = when;
        try { return await app.InScopeAsync<SendMessages, int>(s => s.SendDueAsync(owner.BusinessId, CancellationToken.None)); }
        finally { app.Clock.Now = null; }
    }

    private Task<Customer> CustomerAsync(OwnerSession owner, string name, string? email) => app.InBusinessAsync(owner.BusinessId, async db =>
    {
        var now = DateTime.UtcNow;
        var c = new Customer
        {
            Id = Guid.NewGuid(), Phone = $"+55119{Random.Shared.Next(10_000_000, 99_999_999)}", Name = name, Email = email, Balance = 600,
            LifetimePoints = 600, LifetimeSpend = 600, Visits = 3, FirstPurchaseAt = now.AddDays(-30), LastPurchaseAt = now.AddDays(-1), CreatedAt = now.AddDays(-30),
        };
        db.Customers.Add(c);
        await db.SaveChangesAsync();
        return c;
    });

    private Task<Guid> PlanAsync(OwnerSession owner, Guid customer, MessageTrigger trigger, DateTime due) => app.InBusinessAsync(owner.BusinessId, async db =>
    {
        var row = new OutboxMessage { Id = Guid.NewGuid(), CustomerId = customer, Trigger = trigger, Occasion = "meta:" + Guid.NewGuid().ToString("N")[..8], PlannedAt = due, DueAt = due };
        db.OutboxMessages.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    });

    private Task<OutboxMessage> RowAsync(OwnerSession owner, Guid id) =>
        app.InBusinessAsync(owner.BusinessId, db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    /// <summary>A status webhook body as Meta documents it.</summary>
    private static string Statuses(string phoneNumberId, params (string Id, string Status, int? Error)[] statuses) =>
        new System.Text.Json.Nodes.JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["id"] = "102290129340398",
                ["changes"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
                {
                    ["field"] = "messages",
                    ["value"] = new System.Text.Json.Nodes.JsonObject
                    {
                        ["messaging_product"] = "whatsapp",
                        ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["display_phone_number"] = "5511999990000", ["phone_number_id"] = phoneNumberId },
                        ["statuses"] = new System.Text.Json.Nodes.JsonArray(statuses.Select(s => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
                        {
                            ["id"] = s.Id, ["status"] = s.Status, ["timestamp"] = "1796810400", ["recipient_id"] = "5511987654321",
                            ["errors"] = s.Error is { } code ? new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["code"] = code, ["title"] = "Message undeliverable" }) : null,
                        }).ToArray()),
                    },
                }),
            }),
        }.ToJsonString();

    private static string Sign(string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WhatsAppAppFactory.AppSecret), Encoding.UTF8.GetBytes(body)));

    private static async Task<HttpResponseMessage> PostWebhookAsync(HttpClient client, string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhooks/whatsapp", UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null) request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature);
        return await client.SendAsync(request);
    }
}
