// A TCP proxy in front of the emulator that forwards everything, except that for the first request naming a given
// operation it lets the emulator take and answer it, then destroys the client's socket before the answer reaches
// it: the connection drops after Proton accepted the request.
import { createServer, connect, type Socket } from 'node:net';

export interface DroppingProxy {
  url: string;
  /** How many answers were dropped (0 or 1). */
  dropped(): number;
  close(): Promise<void>;
}

export function startDroppingProxy(upstream: string, operation: string): Promise<DroppingProxy> {
  const { hostname, port } = new URL(upstream);
  let dropped = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const up = connect(Number(port), hostname);
    sockets.add(client).add(up);
    let dropThis = false;
    client.on('data', (d) => {
      if (dropped === 0 && d.toString('latin1').includes(`AwsProton20200720.${operation}`)) dropThis = true;
      up.write(d);
    });
    up.on('data', (d) => {
      if (dropThis && dropped === 0) {
        dropped++;
        client.destroy();
        up.destroy();
        return;
      }
      client.write(d);
    });
    const end = () => {
      client.destroy();
      up.destroy();
    };
    client.on('error', end).on('close', end);
    up.on('error', end).on('close', end);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${addr.port}`,
        dropped: () => dropped,
        close: () => {
          sockets.forEach((s) => s.destroy());
          return new Promise<void>((r) => server.close(() => r()));
        },
      });
    });
  });
}
