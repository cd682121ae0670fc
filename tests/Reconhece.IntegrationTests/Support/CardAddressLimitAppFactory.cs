namespace Reconhece.IntegrationTests.Support;

/// <summary>A host whose card limit per address is low enough for a test to reach (CardAddressLimitTests).</summary>
public sealed class CardAddressLimitAppFactory : AppFactory
{
    protected override int CardPerAddressPerMinute => 5;
}
