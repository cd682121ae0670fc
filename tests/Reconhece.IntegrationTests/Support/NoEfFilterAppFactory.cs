namespace Reconhece.IntegrationTests.Support;

/// <summary>The app with its EF tenant filter switched off (a Testing-only switch): row-level security alone.</summary>
public sealed class NoEfFilterAppFactory : AppFactory
{
    protected override bool EfTenantFilterOff => true;
}
