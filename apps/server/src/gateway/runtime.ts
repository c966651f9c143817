import { LiveHub } from './live.js';
import { GatewayMessenger } from './messenger.js';
import { Presence } from './presence.js';
import { GatewayCounters } from './stats.js';

/**
 * What the gateway shares with the HTTP side in one process: the live hub, who is online, the counters, and the
 * messenger that sends text to a connected terminal. `main` makes one and gives it to both; an app without a
 * gateway (tests) gets an idle one, whose messenger answers 'offline'.
 */
export interface GatewayRuntime {
  hub: LiveHub;
  presence: Presence;
  counters: GatewayCounters;
  messenger: GatewayMessenger;
}

export function createGatewayRuntime(opts: {
  offlineAfterMs: number;
  /** How long the messenger waits for a terminal's answer to a command; default 10 s. */
  commandTimeoutMs?: number;
}): GatewayRuntime {
  return {
    hub: new LiveHub(),
    presence: new Presence(opts.offlineAfterMs),
    counters: new GatewayCounters(),
    messenger: new GatewayMessenger(opts.commandTimeoutMs === undefined ? {} : { timeoutMs: opts.commandTimeoutMs }),
  };
}
