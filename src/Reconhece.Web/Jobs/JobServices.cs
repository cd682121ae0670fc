using Hangfire;
using Hangfire.Dashboard;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Reconhece.Web.Domain;

namespace Reconhece.Web.Jobs;

/// <summary>Options for background jobs (section "Jobs").</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";
    public const string Schema = "hangfire";

    /// <summary>Run the Hangfire server (workers and the recurring scheduler) in this instance.</summary>
    public bool RunServer { get; set; } = true;
    /// <summary>
    /// Four workers: a report job waits on PostgreSQL commits and the SMTP server as much as it computes,
    /// so four keep two cores busy (docs/benchmarks.md: 2 workers left the CPU a third idle).
    /// </summary>
    public int Workers { get; set; } = 4;
    /// <summary>How often idle workers look for jobs. Hangfire.PostgreSql's own default is 15 s.</summary>
    public int QueuePollSeconds { get; set; } = 5;
    /// <summary>
    /// How long a job fetched by an instance that died stays invisible before another worker takes it
    /// (Hangfire's InvisibilityTimeout; live workers keep theirs alive). The fault scripts shorten it.
    /// </summary>
    public int InvisibilitySeconds { get; set; } = 30 * 60;
    /// <summary>
    /// When a Hangfire lock left by an instance that died is taken over (Hangfire.PostgreSql's
    /// DistributedLockTimeout, 10 min by default). Hangfire holds its locks for milliseconds (the
    /// recurring-job scheduler, state changes) and the app takes none, so a minute is ample, and a crash
    /// stalls the minutely dispatcher for a minute at most.
    /// </summary>
    public int LockTimeoutSeconds { get; set; } = 60;

    public static JobOptions Read(IConfiguration configuration) => configuration.GetSection(Section).Get<JobOptions>() ?? new JobOptions();

    /// <summary>What is wrong with these values, in the words the start-up error shows.</summary>
    public IReadOnlyList<string> Problems() =>
    [
        .. Workers is >= 1 and <= 64 ? Array.Empty<string>() : ["Jobs:Workers must be between 1 and 64"],
        .. QueuePollSeconds is >= 1 and <= 3600 ? Array.Empty<string>() : ["Jobs:QueuePollSeconds must be between 1 and 3600"],
        .. LockTimeoutSeconds is >= 5 and <= 3600 ? Array.Empty<string>() : ["Jobs:LockTimeoutSeconds must be between 5 and 3600"],
        .. InvisibilitySeconds is >= 10 and <= 86_400 ? Array.Empty<string>() : ["Jobs:InvisibilitySeconds must be between 10 and 86400"],
    ];
}

/// <summary>Hangfire on PostgreSQL, in the app's own database (schema "hangfire").</summary>
public static class JobServices
{
    private static readonly Lock FilterLock = new();

    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = JobOptions.Read(configuration);
        // A bad value stops the app at start with a clear message, not a silent queue that never runs.
        // (Checked here too: Hangfire's own set-up below would fail on it first, less clearly.)
        if (options.Problems() is { Count: > 0 } problems)
            throw new Microsoft.Extensions.Options.OptionsValidationException(JobOptions.Section, typeof(JobOptions), problems);
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = JobOptions.Schema,
            // The migrate command installs the schema, under its advisory lock.
            PrepareSchemaIfNecessary = false,
            QueuePollInterval = TimeSpan.FromSeconds(options.QueuePollSeconds),
            // A long report is never picked up a second time while it still runs.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromSeconds(options.InvisibilitySeconds),
            DistributedLockTimeout = TimeSpan.FromSeconds(options.LockTimeoutSeconds),
        };
        // Hangfire keeps its storage and job activator in process-wide statics. This host's own storage and
        // activator are handed to its client and server explicitly, so several hosts in one process (the
        // tests) never run jobs against another host's database or disposed services.
        // Job log lines carry the job and business ids (a process-wide filter list: added once). Hosts built at
        // the same time in one process (parallel test classes) once enumerated the list while another added to
        // it ("Collection was modified"): the check and the add hold one lock.
        lock (FilterLock)
        {
            if (!GlobalJobFilters.Filters.Any(f => f.Instance is JobLogContext)) GlobalJobFilters.Filters.Add(new JobLogContext());
        }
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        services.Replace(ServiceDescriptor.Singleton<JobStorage>(sp => new PostgreSqlStorage(
            new NpgsqlConnectionFactory(sp.GetRequiredService<IConfiguration>().GetConnectionString("Default")!, storageOptions), storageOptions)));
        if (options.RunServer)
            services.AddHangfireServer((sp, o) =>
            {
                o.WorkerCount = options.Workers;
                o.SchedulePollingInterval = TimeSpan.FromSeconds(Math.Min(15, options.QueuePollSeconds));
                o.Activator = new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>());
            });
        return services;
    }

    /// <summary>Creates or upgrades Hangfire's tables; called by the migrate command.</summary>
    public static void InstallSchema(NpgsqlConnection connection) => PostgreSqlObjectsInstaller.Install(connection, JobOptions.Schema);

    /// <summary>The Hangfire dashboard at /hangfire, for platform administrators only: it shows every business's jobs.</summary>
    public static void MapJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new PlatformAdminOnly()],
            DisplayStorageConnectionString = false,
            AppPath = "/",
            DashboardTitle = "Reconhece — tarefas",
        });

    private sealed class PlatformAdminOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.PlatformAdmin);
    }
}
