namespace Reconhece.IntegrationTests.Support;

/// <summary>The reports app with Hangfire's server running (workers, recurring scheduler), as in production.</summary>
public sealed class JobsAppFactory : ReportsAppFactory
{
    protected override bool RunJobServer => true;
}
