using System.Net;
using System.Net.Sockets;

namespace LiqBot.Tests.TestSupport;

/// <summary>A loopback port nothing listens on now, for a server the test starts itself (the bot's operations port, PostgreSQL).</summary>
internal static class FreeTcpPort
{
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
