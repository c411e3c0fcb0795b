import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP pass-through in front of a loopback server that can be cut: `down()` drops every open
 * connection and refuses new ones, `up()` lets them through again. The server behind it keeps
 * its data, so this is the store being unreachable, nothing else.
 */
export class OutageProxy {
  private readonly sockets = new Set<net.Socket>();
  private cut = false;

  private constructor(private readonly server: net.Server, readonly port: number) {}

  static async start(targetPort: number): Promise<OutageProxy> {
    let proxy!: OutageProxy;
    const server = net.createServer((client) => {
      if (proxy.cut) {
        client.destroy();
        return;
      }
      const upstream = net.connect(targetPort, '127.0.0.1');
      for (const s of [client, upstream]) {
        proxy.sockets.add(s);
        s.on('close', () => proxy.sockets.delete(s));
        s.on('error', () => { client.destroy(); upstream.destroy(); });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new OutageProxy(server, (server.address() as AddressInfo).port);
    return proxy;
  }

  down(): void {
    this.cut = true;
    for (const s of this.sockets) s.destroy();
  }

  up(): void {
    this.cut = false;
  }

  async stop(): Promise<void> {
    this.down();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
