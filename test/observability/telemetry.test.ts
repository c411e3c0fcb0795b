import assert from 'node:assert/strict';
import { startTelemetry } from '../../observability/telemetry';

// The distro itself is never started here: it would export to Azure. A stand-in records the calls.
function fakeDistro() {
  const calls: { use: unknown[]; shutdown: number; loads: number } = { use: [], shutdown: 0, loads: 0 };
  const load = () => {
    calls.loads++;
    return {
      useAzureMonitor: (options?: unknown) => { calls.use.push(options); },
      shutdownAzureMonitor: async () => { calls.shutdown++; },
    };
  };
  return { calls, load: load as never };
}

describe('telemetry (Application Insights)', () => {
  it('without a connection string loads and starts nothing', () => {
    const { calls, load } = fakeDistro();
    assert.equal(startTelemetry(undefined, load), undefined);
    assert.equal(startTelemetry('', load), undefined);
    assert.equal(startTelemetry('   ', load), undefined);
    assert.equal(calls.loads, 0, 'the distro was not even loaded');
  });

  it('with one starts Azure Monitor with it, once, and stops it on shutdown', async () => {
    const { calls, load } = fakeDistro();
    const cs = 'InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://swedencentral-0.in.applicationinsights.azure.com/';
    const telemetry = startTelemetry(` ${cs} `, load);
    assert.ok(telemetry);
    assert.deepEqual(calls.use, [{ azureMonitorExporterOptions: { connectionString: cs } }]);
    assert.equal(startTelemetry(cs, load), telemetry, 'a second call does not start a second exporter');
    assert.equal(calls.use.length, 1);
    await telemetry.shutdown();
    assert.equal(calls.shutdown, 1);
  });
});
