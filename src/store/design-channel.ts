/**
 * Tabs of the designer tell each other about their writes (BroadcastChannel), so a tab notices
 * within milliseconds that the design it has open changed, instead of at its next write.
 */
export type DesignMessage =
  | { type: 'saved'; id: string; rev: number }
  | { type: 'deleted'; id: string }
  /** A design was added, restored or renamed: lists shown elsewhere read the designs again. */
  | { type: 'listed' };

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('streamwright-designs');

export function broadcast(message: DesignMessage): void {
  channel?.postMessage(message);
}

/** Messages from the other tabs (a channel never receives its own). */
export function onDesignMessage(handler: (message: DesignMessage) => void): () => void {
  if (!channel) return () => undefined;
  const listener = (e: MessageEvent<DesignMessage>) => handler(e.data);
  channel.addEventListener('message', listener);
  return () => channel.removeEventListener('message', listener);
}
