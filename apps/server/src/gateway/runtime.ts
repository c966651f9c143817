import { LiveHub } from './live.js';
import { Presence } from './presence.js';
import { GatewayCounters } from './stats.js';

/**
 * What the gateway shares with the HTTP side in one process: the live hub, who is online, and the counters.
 * `main` makes one and gives it to both; an app without a gateway (tests) gets an idle one.
 */
export interface GatewayRuntime {
  hub: LiveHub;
  presence: Presence;
  counters: GatewayCounters;
}

export function createGatewayRuntime(opts: { offlineAfterMs: number }): GatewayRuntime {
  return { hub: new LiveHub(), presence: new Presence(opts.offlineAfterMs), counters: new GatewayCounters() };
}
