using System.Diagnostics.Metrics;
using Prometheus;

namespace LiqBot.Operations;

/// <summary>
/// Publishes this host's "liqbot" meter as Prometheus text through prometheus-net's meter adapter, in a
/// registry of its own (the static default one would mix hosts that share a process, as tests do).
/// </summary>
internal sealed class PrometheusExport : IDisposable
{
    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();
    private readonly IDisposable _adapter;

    public PrometheusExport(IMeterFactory meters)
    {
        _adapter = MeterAdapter.StartListening(new MeterAdapterOptions
        {
            Registry = _registry,
            // Without a factory of this registry the adapter writes to the default registry, whatever Registry says.
            MetricFactory = Metrics.WithCustomRegistry(_registry),
            InstrumentFilterPredicate = instrument => instrument.Meter.Scope == meters && instrument.Meter.Name == BotMetrics.MeterName,
        });
    }

    public Task WriteAsync(Stream body, CancellationToken cancellationToken) => _registry.CollectAndExportAsTextAsync(body, cancellationToken);

    public void Dispose() => _adapter.Dispose();
}
