/**
 * Which vehicles hold an authenticated connection right now, and when each was last heard from. Kept in memory by
 * the gateway process; read by the vehicles API for online status.
 */
export class Presence {
  private readonly connected = new Map<string, number>();
  private readonly lastSeen = new Map<string, number>();

  constructor(private readonly offlineAfterMs: number) {}

  connect(vehicleId: string, now = Date.now()): void {
    this.connected.set(vehicleId, (this.connected.get(vehicleId) ?? 0) + 1);
    this.lastSeen.set(vehicleId, now);
  }

  disconnect(vehicleId: string): void {
    const n = (this.connected.get(vehicleId) ?? 0) - 1;
    if (n > 0) this.connected.set(vehicleId, n);
    else this.connected.delete(vehicleId);
  }

  seen(vehicleId: string, now = Date.now()): void {
    this.lastSeen.set(vehicleId, now);
  }

  /** Online: an authenticated connection heard from within the offline timeout. */
  isOnline(vehicleId: string, now = Date.now()): boolean {
    const last = this.lastSeen.get(vehicleId);
    return this.connected.has(vehicleId) && last !== undefined && now - last <= this.offlineAfterMs;
  }

  lastSeenAt(vehicleId: string): Date | null {
    const last = this.lastSeen.get(vehicleId);
    return last === undefined ? null : new Date(last);
  }

  get onlineCount(): number {
    return this.connected.size;
  }
}
