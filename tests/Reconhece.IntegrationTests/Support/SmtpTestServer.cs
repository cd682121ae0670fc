using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Reconhece.IntegrationTests.Support;

/// <summary>
/// A real SMTP server in the test process (the SmtpServer package). MailKit talks to it over loopback;
/// every accepted message is parsed back with MimeKit. <see cref="Failing"/> makes it answer 421
/// (service unavailable, a temporary failure) until it is switched off again.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private Task _running = Task.CompletedTask;

    public int Port { get; private set; }
    private volatile bool _failing;
    public bool Failing { get => _failing; set => _failing = value; }
    /// <summary>A message to this address is refused (421) like <see cref="Failing"/>; others are taken.</summary>
    public string? RefuseTo { get; set; }
    /// <summary>How many messages the server refused while failing.</summary>
    public int Refused => _refused;
    private int _refused;

    /// <summary>
    /// Starts on a free loopback port. The port is found by a probe, so another socket of this machine may
    /// take it before the server binds (outgoing connections use the same range): then it tries another,
    /// and it only returns once the server answers with its greeting.
    /// </summary>
    public static async Task<SmtpTestServer> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = new SmtpTestServer();
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            server.Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var options = new SmtpServerOptionsBuilder().ServerName("reconhece-test-smtp")
                .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, server.Port))).Build();
            var services = new SmtpServer.ComponentModel.ServiceProvider();
            services.Add(new Store(server));
            server._running = new SmtpServer.SmtpServer(options, services).StartAsync(server._stop.Token);
            if (await server.AnswersAsync()) return server;
            await server.DisposeAsync();
            if (attempt == 5) throw new InvalidOperationException("Could not start the test SMTP server.");
        }
    }

    private async Task<bool> AnswersAsync()
    {
        for (var i = 0; i < 20 && !_running.IsCompleted; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                using var reader = new StreamReader(client.GetStream());
                var greeting = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(2));
                if (greeting?.Contains("reconhece-test-smtp", StringComparison.Ordinal) == true) return true;
            }
            catch (Exception e) when (e is SocketException or IOException or TimeoutException)
            {
                await Task.Delay(50);
            }
        }
        return false;
    }

    public IReadOnlyList<MimeMessage> All => _messages.ToList();

    public IReadOnlyList<MimeMessage> To(string address) =>
        _messages.Where(m => m.To.Mailboxes.Any(x => string.Equals(x.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _running; } catch (Exception e) when (e is OperationCanceledException or SocketException) { }
        _stop.Dispose();
    }

    private sealed class Store(SmtpTestServer owner) : MessageStore
    {
        public override async Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (owner.Failing || (owner.RefuseTo is { } refused && transaction.To.Any(m => string.Equals($"{m.User}@{m.Host}", refused, StringComparison.OrdinalIgnoreCase))))
            {
                Interlocked.Increment(ref owner._refused);
                return new SmtpServer.Protocol.SmtpResponse(SmtpReplyCode.ServiceUnavailable, "Servidor em manutenção");
            }
            await using var stream = new MemoryStream(buffer.ToArray());
            owner._messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpServer.Protocol.SmtpResponse.Ok;
        }
    }
}
