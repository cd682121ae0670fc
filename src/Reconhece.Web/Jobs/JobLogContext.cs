using Hangfire.Server;
using Serilog.Context;

namespace Reconhece.Web.Jobs;

/// <summary>
/// Every log line a job writes carries the job id and, for jobs about one business (their first argument
/// is <c>businessId</c>), that business id, as request log lines carry theirs.
/// </summary>
public sealed class JobLogContext : IServerFilter
{
    private const string Key = "reconhece.log-context";

    public void OnPerforming(PerformingContext context)
    {
        var pushed = new List<IDisposable> { LogContext.PushProperty("JobId", context.BackgroundJob.Id) };
        var job = context.BackgroundJob.Job;
        var parameters = job.Method.GetParameters();
        if (parameters.Length > 0 && parameters[0].Name == "businessId" && job.Args.Count > 0 && job.Args[0] is Guid business)
            pushed.Add(LogContext.PushProperty("BusinessId", business));
        context.Items[Key] = pushed;
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(Key, out var value) && value is List<IDisposable> pushed)
            for (var i = pushed.Count - 1; i >= 0; i--) pushed[i].Dispose();
    }
}
