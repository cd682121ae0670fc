using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reconhece.IntegrationTests.Support;
using Reconhece.Web.Data;
using Reconhece.Web.Tenancy;
using Xunit;

namespace Reconhece.IntegrationTests.Data;

public sealed class MigrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_model_has_no_changes_that_a_migration_does_not_capture()
    {
        var pending = await app.AnonymousAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending, "Run scripts/add-migration.sh NAME");
    }

    [Fact]
    public async Task Two_instances_migrating_at_once_create_the_database_once_and_both_succeed()
    {
        var cs = await TestDatabase.EmptyAsync("migrate");
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["ConnectionStrings:Default"] = TestDatabase.AsApp(cs), ["ConnectionStrings:Migrations"] = TestDatabase.AsOwner(cs),
                }).Build());
        services.AddTenancy();
        services.AddData();
        await using var provider = services.BuildServiceProvider();

        await Task.WhenAll(DatabaseMigrator.MigrateAsync(provider), DatabaseMigrator.MigrateAsync(provider), DatabaseMigrator.MigrateAsync(provider));

        await using var db = TestDatabase.NewAdminContext(cs);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(["Atendente", "Dono", "Plataforma"], await db.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync());
        // The migrate command installs Hangfire's tables too, so app instances never race to create them.
        Assert.True(await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = 'hangfire'").SingleAsync() > 5);
        await TestDatabase.DropAsync(cs);
    }

    [Fact]
    public async Task Migrate_with_only_the_app_connection_string_says_what_is_missing()
    {
        var services = new ServiceCollection().AddLogging()
            .AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = app.AppConnectionString }).Build());
        await using var provider = services.BuildServiceProvider();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseMigrator.MigrateAsync(provider));

        Assert.StartsWith("ConnectionStrings:Migrations is not set.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timestamps_are_timestamptz()
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'", conn);
        Assert.Equal(0L, await cmd.ExecuteScalarAsync());
    }
}
