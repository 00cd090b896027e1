using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Security;
using LiqBot.Engine.Model;

namespace LiqBot.Engine.Tests.Architecture;

/// <summary>
/// The engine is pure domain: it must not touch the network, files, configuration or hosting, nor
/// native code: no P/Invoke, no unsafe code, no assembly outside the base class library.
/// </summary>
public sealed class EnginePurityTests
{
    private static readonly string EnginePath = typeof(ModelOptions).Assembly.Location;

    [Fact]
    public void Engine_ReferencesNoNetworkConfigurationOrHostingAssembly()
    {
        var referenced = typeof(ModelOptions).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(referenced);
        Assert.DoesNotContain(referenced, name =>
            name.StartsWith("System.Net", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Extensions", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Data", StringComparison.Ordinal)
            || name.StartsWith("Npgsql", StringComparison.Ordinal)
            || name.StartsWith("Quartz", StringComparison.Ordinal)
            || name == "System.IO.FileSystem");
    }

    [Fact]
    public void Engine_UsesNoFileSocketOrEnvironmentType()
    {
        string[] banned =
        [
            "System.IO.File", "System.IO.FileStream", "System.IO.FileInfo", "System.IO.Directory", "System.IO.DirectoryInfo",
            "System.IO.StreamReader", "System.IO.StreamWriter", "System.Environment", "System.Console",
            "System.Net.Http.HttpClient", "System.Net.Sockets.Socket", "System.Net.WebSockets.ClientWebSocket",
        ];

        var used = ReferencedTypeNames();

        Assert.Contains("System.Object", used);
        Assert.Empty(used.Intersect(banned));
        Assert.DoesNotContain(used, name => name.StartsWith("System.Net.", StringComparison.Ordinal));
    }

    [Fact]
    public void Engine_ReferencesOnlyTheBaseClassLibrary()
    {
        var sharedFramework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var referenced = typeof(ModelOptions).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var outside = referenced.Where(name => !File.Exists(Path.Combine(sharedFramework, name + ".dll"))).ToList();

        Assert.Contains("System.Runtime", referenced);
        Assert.Empty(outside);
    }

    [Fact]
    public void Engine_DeclaresNoNativeImport()
    {
        using var stream = File.OpenRead(EnginePath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();

        var imports = reader.MethodDefinitions
            .Select(reader.GetMethodDefinition)
            .Where(method => (method.Attributes & MethodAttributes.PinvokeImpl) != 0 || !method.GetImport().Module.IsNil)
            .Select(method => reader.GetString(method.Name))
            .ToList();

        Assert.NotEmpty(reader.MethodDefinitions);
        Assert.Empty(imports);
        Assert.Equal(0, reader.GetTableRowCount(TableIndex.ModuleRef));
        Assert.DoesNotContain(ReferencedTypeNames(), name => name is "System.Runtime.InteropServices.LibraryImportAttribute" or "System.Runtime.InteropServices.DllImportAttribute");
    }

    [Fact]
    public void Engine_IsCompiledWithoutUnsafeCode()
    {
        // The compiler marks every module built with AllowUnsafeBlocks as unverifiable.
        var unverifiable = typeof(ModelOptions).Assembly.ManifestModule.GetCustomAttributes(typeof(UnverifiableCodeAttribute), inherit: false);

        Assert.Empty(unverifiable);
        Assert.DoesNotContain(ReferencedTypeNames(), name => name == "System.Security.UnverifiableCodeAttribute");
    }

    private static HashSet<string> ReferencedTypeNames()
    {
        using var stream = File.OpenRead(EnginePath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in reader.TypeReferences)
        {
            var type = reader.GetTypeReference(handle);
            names.Add($"{reader.GetString(type.Namespace)}.{reader.GetString(type.Name)}");
        }

        return names;
    }
}
