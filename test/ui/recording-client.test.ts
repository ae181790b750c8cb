/** The recording wrapper keeps every method of a class-based simulator client (a spread dropped them: the app never became ready). */
import { describe, expect, it } from 'vitest';
import type { SimulationRequest } from '../../src/simulator/types';
import type { SimulatorClient } from '../../src/simulator/client';
import { recordingClient } from '../../src/ui/timeline/recording-client';

class FakeClient implements SimulatorClient {
  requests: unknown[] = [];
  disposed = false;
  async run(request: SimulationRequest) {
    this.requests.push(request);
    return { kind: 'superseded' } as const;
  }
  async query() {
    return null;
  }
  runningSince() {
    return 42;
  }
  dispose() {
    this.disposed = true;
  }
}

describe('recordingClient', () => {
  it('delegates every method and marks runs recorded only while recording', async () => {
    const inner = new FakeClient();
    let recording = false;
    const c = recordingClient(inner, () => recording);
    expect(c.runningSince()).toBe(42);
    await c.run({} as SimulationRequest);
    recording = true;
    await c.run({} as SimulationRequest);
    expect(inner.requests).toEqual([{}, { record: true }]);
    expect(await c.query(1, { kind: 'sinks' } as never)).toBeNull();
    c.dispose();
    expect(inner.disposed).toBe(true);
  });
});
