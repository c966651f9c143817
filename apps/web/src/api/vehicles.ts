import type { Alarm, LivePosition, MapConfig, Playback, Position, Track, Vehicle } from '@anlan/contracts';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from './client';

export const vehiclesKey = 'vehicles';

/** The base map to draw (GET /api/map/config); it changes only with the server's settings. */
export function useMapConfig() {
  return useQuery({
    queryKey: ['map', 'config'],
    queryFn: ({ signal }) => api<MapConfig>('/api/map/config', { signal }),
    staleTime: Infinity,
  });
}

/** The latest position of every vehicle the user may see: the live map's starting point. */
export function useLatestPositions() {
  return useQuery({
    queryKey: [vehiclesKey, 'latest'],
    queryFn: ({ signal }) => api<{ items: LivePosition[] }>('/api/vehicles/latest', { signal }).then((r) => r.items),
    // The WebSocket keeps the map current; this is read again only after a reconnect.
    staleTime: Infinity,
  });
}

/** One vehicle: plate, carrier, driver, cargo; its position comes live from the map. */
export function useVehicle(id: string | undefined) {
  return useQuery({
    queryKey: [vehiclesKey, 'detail', id],
    enabled: id !== undefined,
    queryFn: ({ signal }) => api<Vehicle>(`/api/vehicles/${id}`, { signal }),
  });
}

/** Null where the server has no such route yet (404), so the caller can leave its section out. */
async function unlessMissing<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/**
 * The vehicle's latest alarms, newest first, or with `unhandled` only those still open or acknowledged; null when this
 * server has no alarms API. Under the alarms key: a step taken on any alarm refreshes it.
 */
export function useVehicleAlarms(vehicleId: string | undefined, limit = 5, unhandled = false) {
  return useQuery({
    queryKey: ['alarms', 'vehicle', vehicleId, limit, unhandled],
    enabled: vehicleId !== undefined,
    queryFn: ({ signal }) =>
      unlessMissing(
        api<{ items: Alarm[] }>('/api/alarms', { query: { vehicleId, limit, unhandled: unhandled ? 'true' : undefined }, signal }),
      ).then((r) => r?.items ?? null),
    refetchInterval: 60_000,
  });
}

/** A period of a vehicle's track, ready to play back: positions oldest first and the alarms in it. */
export interface PlaybackTrack {
  points: Position[];
  alarms: Alarm[];
  /** Positions stored in the period (the playback API may leave some out of `points` when simplifying). */
  totalPoints: number;
}

/**
 * 轨迹回放 of one vehicle from `from` to `to` (at most 24 h): the playback API with its alarm points, or the
 * plain track where the server has no playback API.
 */
export async function fetchPlayback(vehicleId: string, from: string, to: string, signal?: AbortSignal): Promise<PlaybackTrack> {
  const playback = await unlessMissing(api<Playback>(`/api/vehicles/${vehicleId}/playback`, { query: { from, to }, signal }));
  if (playback) return { points: playback.points, alarms: playback.alarms, totalPoints: playback.totalPoints };
  const track = await api<Track>(`/api/vehicles/${vehicleId}/track`, { query: { from, to }, signal });
  return { points: track.points, alarms: [], totalPoints: track.points.length };
}

export function usePlayback(vehicleId: string, period: { from: string; to: string } | null) {
  return useQuery({
    queryKey: [vehiclesKey, 'playback', vehicleId, period?.from, period?.to],
    enabled: period !== null,
    queryFn: ({ signal }) => fetchPlayback(vehicleId, period!.from, period!.to, signal),
  });
}
