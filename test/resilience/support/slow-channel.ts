import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A slow Bot Connector in front of a `TeamsChannel`: each request is passed on at once (so the
 * channel has the message, as Teams would once the request reached it) and answered only after
 * `latencyMs()`. A sender killed while waiting for the answer never learns its message arrived:
 * the worst case for duplicates after a crash.
 */
export class SlowChannel {
  private constructor(private readonly server: http.Server, readonly serviceUrl: string) {}

  static async start(target: string, latencyMs: () => number): Promise<SlowChannel> {
    const upstream = new URL(target);
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const forward = http.request({
          host: upstream.hostname, port: upstream.port, method: req.method, path: req.url,
          headers: { 'content-type': req.headers['content-type'] ?? 'application/json', 'content-length': String(body.length) },
        }, (up) => {
          const reply: Buffer[] = [];
          up.on('data', (c: Buffer) => reply.push(c));
          up.on('end', () => setTimeout(() => {
            if (res.destroyed) return;
            res.writeHead(up.statusCode ?? 502, { 'content-type': 'application/json' });
            res.end(Buffer.concat(reply));
          }, latencyMs()));
        });
        forward.on('error', () => { if (!res.destroyed) { res.writeHead(502); res.end(); } });
        forward.end(body);
      });
      // The sender died: nothing to answer.
      req.on('error', () => undefined);
      res.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new SlowChannel(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
