using System.Runtime.InteropServices;

namespace LiqBot.Engine.Rendering.Cairo;

/// <summary>A Cairo call reported an error status.</summary>
public sealed class CairoException : Exception
{
    public CairoException()
    {
    }

    public CairoException(string message)
        : base(message)
    {
    }

    public CairoException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static CairoException ForStatus(string call, int status)
    {
        var text = Marshal.PtrToStringUTF8(CairoNative.StatusToString(status)) ?? "unknown error";
        return new CairoException($"{call} failed with Cairo status {status} ({text}).");
    }
}
