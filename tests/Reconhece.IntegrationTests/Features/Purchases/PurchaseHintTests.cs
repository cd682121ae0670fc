using Reconhece.IntegrationTests.Support;
using Xunit;

namespace Reconhece.IntegrationTests.Features.Purchases;

/// <summary>The purchase result tells staff what deserves attention at the counter.</summary>
public sealed class PurchaseHintTests(ReportsAppFactory app) : IClassFixture<ReportsAppFactory>
{
    [Fact]
    public async Task The_result_says_class_a_back_after_an_absence_and_points_missing()
    {
        var owner = await app.SignUpAsync("Sorveteria Atenção");
        await owner.SetProgramAsync(new Dictionary<string, string> { ["Goal"] = "1000", ["InactivityDays"] = "30" });
        var now = DateTimeOffset.UtcNow;
        app.Clock.Now = now.AddDays(-45);
        try
        {
            await owner.Client.RegisterPurchaseAsync("11987650701", "800", name: "Grande Cliente");
            for (var i = 0; i < 8; i++) await owner.Client.RegisterPurchaseAsync($"1198765080{i}", "10");
        }
        finally { app.Clock.Now = null; }

        var back = await owner.Client.RegisterPurchaseAsync("11987650701", "20");
        Assert.True(back.Shows("Cliente classe A"), back.Text);
        Assert.True(back.Shows("Voltou depois de 45 dias: agradeça a volta!"), back.Text);
        Assert.True(back.Shows("Faltam 180 pontos para a meta: conte ao cliente!"), back.Text);

        var small = await owner.Client.RegisterPurchaseAsync("11987650899", "5");
        Assert.False(small.Shows("Cliente classe A"), small.Text);
        Assert.False(small.Shows("Voltou depois de"), small.Text);
    }
}
