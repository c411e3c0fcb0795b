import type * as AzureMonitor from '@azure/monitor-opentelemetry';

/**
 * Application Insights through the Azure Monitor OpenTelemetry distro: incoming and outgoing HTTP
 * (Bot Framework, Cosmos DB), exceptions and metrics. On only where the infrastructure sets
 * APPLICATIONINSIGHTS_CONNECTION_STRING; locally and in tests nothing is loaded or sent.
 *
 * Call it first, before anything loads `http` or the Azure SDKs, so their instrumentation applies.
 * Logs stay on stdout (App Service collects them); they carry the correlation id, not trace ids.
 */
export interface Telemetry {
  /** Flushes what is buffered and stops exporting; for a clean stop on SIGTERM. */
  shutdown(): Promise<void>;
}

type Distro = Pick<typeof AzureMonitor, 'useAzureMonitor' | 'shutdownAzureMonitor'>;

// Loaded only when needed: the distro and its instrumentations take a while to load.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadDistro = (): Distro => require('@azure/monitor-opentelemetry') as Distro;

let started: Telemetry | undefined;

/**
 * Starts exporting to Application Insights when a connection string is given (blank counts as
 * none); returns undefined, having loaded nothing, otherwise. A second call returns the first one.
 */
export function startTelemetry(connectionString: string | undefined, load: () => Distro = loadDistro): Telemetry | undefined {
  const value = connectionString?.trim();
  if (!value) return undefined;
  if (started) return started;
  const distro = load();
  distro.useAzureMonitor({ azureMonitorExporterOptions: { connectionString: value } });
  const telemetry: Telemetry = {
    async shutdown() {
      started = undefined;
      await distro.shutdownAzureMonitor();
    },
  };
  started = telemetry;
  return telemetry;
}
