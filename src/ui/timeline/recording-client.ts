/**
 * The preview's simulator client, asking the worker to record its runs while the timeline is shown
 * (a recorded run keeps every record and the store histories the timeline steps through: it costs
 * more, so only then). Everything else goes to the client as it is: each method delegates (the
 * client is a class, whose methods a `...client` spread would leave behind).
 */
import type { SimulatorClient } from '../../simulator/client';

export function recordingClient(client: SimulatorClient, recording: () => boolean): SimulatorClient {
  return {
    run: (request, options) => client.run(recording() ? { ...request, record: true } : request, options),
    query: (runId, query) => client.query(runId, query),
    runningSince: () => client.runningSince(),
    dispose: () => client.dispose(),
  };
}
