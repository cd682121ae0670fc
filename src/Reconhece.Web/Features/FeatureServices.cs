using Reconhece.Web.Features.Account;
using Reconhece.Web.Features.Customers;
using Reconhece.Web.Features.Points;
using Reconhece.Web.Features.ProgramSettings;
using Reconhece.Web.Features.Purchases;
using Reconhece.Web.Features.Recognition;
using Reconhece.Web.Features.Reports;
using Reconhece.Web.Features.Staff;

namespace Reconhece.Web.Features;

public static class FeatureServices
{
    /// <summary>The use-case handlers that controllers and the demo seeder call.</summary>
    public static IServiceCollection AddFeatures(this IServiceCollection services, bool development)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<SignUpBusiness>();
        services.AddScoped<PasswordRecovery>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<ReportRecipients>();
        services.AddScoped<SaveStaffMember>();
        services.AddScoped<PointsLedger>();
        services.AddScoped<RegisterPurchase>();
        services.AddScoped<Promotions.SavePromotion>();
        services.AddScoped<Till.SaveTillTotal>();
        services.AddSingleton<PurchaseContextCache>();
        services.AddScoped<ReversePurchase>();
        services.AddScoped<NameNewCustomer>();
        services.AddScoped<EditCustomer>();
        services.AddScoped<AdjustPoints>();
        services.AddScoped<RecognizeCustomer>();
        services.AddScoped<ContactConsent>();
        services.AddSingleton<Cards.CardLinks>();
        services.AddSingleton<Reports.WhatsAppShortLinks>();
        services.AddScoped<Agenda.LogContact>();
        services.AddScoped<Messages.PlanMessages>();
        services.AddScoped<Messages.SendMessages>();
        services.AddScoped<Messages.RunMessages>();
        services.AddScoped<Messages.SaveMessageSettings>();
        services.AddSingleton<Messages.UnsubscribeLinks>();
        services.AddScoped<Messages.AutomaticEmail>();
        services.AddSingleton<Messages.WhatsAppTokens>();
        services.AddScoped<Messages.SaveWhatsApp>();
        services.AddScoped<Messages.WhatsAppStatuses>();
        services.AddScoped<Messages.MessageResults>();
        services.AddOptions<Messages.WhatsAppOptions>().BindConfiguration("WhatsApp");
        // A Graph API call answers in a second or two; 30 s without an answer leaves the message "incerto" (decision 009).
        services.AddHttpClient<Messages.WhatsAppCloud>(c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<Agenda.SaveAgendaSettings>();
        services.AddScoped<Agenda.GroupInvitations>();
        services.AddScoped<SaveProgramSettings>();
        services.AddScoped<BuildWeeklyReports>();
        services.AddScoped<SendWeeklyReport>();
        services.AddScoped<DispatchWeeklyReports>();
        services.AddScoped<RequestReports>();
        services.AddScoped<SaveReportSettings>();
        services.AddScoped<PurgeOldReportFiles>();
        ReportOptions.AddReportOptions(services);
        services.AddScoped<ReportLinks>();
        services.AddScoped<StopReports>();
        services.AddScoped<Platform.CheckInvariants>();
        Privacy.PrivacyOptions.Add(services, development);
        services.AddScoped<Privacy.PhoneBlockList>();
        services.AddScoped<ChangePhone>();
        services.AddScoped<MergeCustomers>();
        services.AddScoped<Privacy.AnonymiseCustomer>();
        services.AddScoped<Privacy.PrivacyRequests>();
        services.AddScoped<Privacy.ApplyRetention>();
        services.AddScoped<Points.ExpirePoints>();
        services.AddScoped<Segments.RecomputeSegments>();
        services.AddScoped<History.FillHistoryDays>();
        services.AddScoped<CustomerFiles.ImportCustomers>();
        return services;
    }
}
