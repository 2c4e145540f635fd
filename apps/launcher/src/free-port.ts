import net from 'node:net';

/** Whether nothing listens on 127.0.0.1:port (asked by listening there for a moment). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.once('listening', () => probe.close(() => resolve(true)));
    probe.listen(port, '127.0.0.1');
  });
}

/** The first free port from `wanted` on, trying `tries` ports; undefined when all are taken. */
export async function firstFreePort(wanted: number, tries: number): Promise<number | undefined> {
  for (let port = wanted; port < Math.min(wanted + tries, 65_536); port++) {
    if (await portIsFree(port)) return port;
  }
  return undefined;
}
