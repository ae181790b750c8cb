/**
 * A Kafka-protocol TCP proxy on loopback that slows the produce path: every Produce request (API
 * key 0) is held `produceDelayMs` before it goes on to the broker; everything else passes at once.
 * Clients bootstrap through it, and it rewrites the broker port in Metadata responses (API key 3,
 * versions 1-8: throttle time, then the brokers array) to its own, so partition leaders, hence
 * produce and fetch requests, are reached through it too. The mock broker runs one broker on
 * 127.0.0.1, so only the port changes (the host string keeps its length). Requests of a connection
 * stay in order (a held Produce holds the requests behind it, as on a slow broker).
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface ThrottleProxy {
  bootstrap: string;
  close(): Promise<void>;
}

const PRODUCE = 0;
const METADATA = 3;

/** Splits a byte stream into Kafka frames (int32 size + payload). */
function framer(onFrame: (frame: Buffer) => void): (chunk: Buffer) => void {
  let buf: Buffer = Buffer.alloc(0);
  return (chunk) => {
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    while (buf.length >= 4) {
      const size = buf.readInt32BE(0);
      if (buf.length < 4 + size) break;
      onFrame(buf.subarray(0, 4 + size));
      buf = buf.subarray(4 + size);
    }
  };
}

/** Metadata v1-v8 response (non-flexible): rewrites every broker's port. */
function rewriteMetadataPorts(frame: Buffer, version: number, port: number): void {
  let at = 8; // size, correlation id
  if (version >= 3) at += 4; // throttle_time_ms
  const brokers = frame.readInt32BE(at);
  at += 4;
  for (let i = 0; i < brokers; i++) {
    at += 4; // node_id
    at += 2 + frame.readInt16BE(at); // host
    frame.writeInt32BE(port, at);
    at += 4;
    if (version >= 1) {
      const rack = frame.readInt16BE(at);
      at += 2 + Math.max(0, rack);
    }
  }
}

function pipeConnection(client: Socket, brokerHost: string, brokerPort: number, ownPort: number, produceDelayMs: number): void {
  const broker = connect(brokerPort, brokerHost);
  const inFlight = new Map<number, { apiKey: number; version: number }>();
  let chain: Promise<void> = Promise.resolve();
  client.on(
    'data',
    framer((frame) => {
      const apiKey = frame.readInt16BE(4);
      inFlight.set(frame.readInt32BE(8), { apiKey, version: frame.readInt16BE(6) });
      const delay = apiKey === PRODUCE ? produceDelayMs : 0;
      chain = chain.then(async () => {
        if (delay) await new Promise((r) => setTimeout(r, delay));
        broker.write(frame);
      });
    }),
  );
  broker.on(
    'data',
    framer((frame) => {
      const req = inFlight.get(frame.readInt32BE(4));
      inFlight.delete(frame.readInt32BE(4));
      if (req?.apiKey === METADATA && req.version >= 1 && req.version <= 8) rewriteMetadataPorts(frame, req.version, ownPort);
      client.write(frame);
    }),
  );
  const close = () => {
    client.destroy();
    broker.destroy();
  };
  client.on('close', close).on('error', close);
  broker.on('close', close).on('error', close);
}

export async function startThrottleProxy(brokerBootstrap: string, produceDelayMs: number): Promise<ThrottleProxy> {
  const [host, port] = brokerBootstrap.split(',')[0].split(':');
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    pipeConnection(client, host, Number(port), ownPort, produceDelayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const ownPort = (server.address() as { port: number }).port;
  return {
    bootstrap: `127.0.0.1:${ownPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
