using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace HaLbDeploy.Runtime.Tests.Local;

/// <summary>A tiny HTTPS server on 127.0.0.1 with a throw-away self-signed certificate, answering every request with one status.</summary>
public sealed class LoopbackHttpsServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly X509Certificate2 _certificate;
    private readonly Task _loop;

    public LoopbackHttpsServer(int status, bool speakTls = true)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=halb-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        _certificate = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
        _listener.Start();
        _loop = Task.Run(() => ServeAsync(status, speakTls));
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Requests { get; private set; }

    private async Task ServeAsync(int status, bool speakTls)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    if (!speakTls)
                    {
                        try { await Task.Delay(Timeout.Infinite, _stop.Token); } catch (OperationCanceledException) { }
                        return;
                    }
                    await using var tls = new SslStream(client.GetStream());
                    await tls.AuthenticateAsServerAsync(_certificate);
                    var buffer = new byte[4096];
                    var text = new StringBuilder();
                    while (!text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        var read = await tls.ReadAsync(buffer);
                        if (read == 0) return;
                        text.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }
                    Requests++;
                    await tls.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status} Whatever\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"));
                }
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _certificate.Dispose();
    }
}
