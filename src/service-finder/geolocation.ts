/**
 * One position from the browser's Geolocation API, as a promise that always settles: the API
 * may never call back when a prompt is ignored, so our own timer ends the wait too. With it, what
 * the finder says while it asks and about the answer: no state but 'idle' can show before this
 * chunk was asked for, so those words are not part of the first view (see `locate.ts`).
 */
import { msg } from '@lit/localize';
import type { Point } from './geo.js';
import type { GeoState } from './locate.js';

export type GeolocationFailure = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

export class GeolocationError extends Error {
  constructor(readonly reason: GeolocationFailure) {
    super(`geolocation ${reason}`);
  }
}

export function currentPosition(timeoutMs = 10_000): Promise<Point> {
  return new Promise((resolve, reject) => {
    const geo = globalThis.navigator?.geolocation;
    if (!geo || typeof geo.getCurrentPosition !== 'function' || !globalThis.isSecureContext) {
      reject(new GeolocationError('unsupported'));
      return;
    }
    let settled = false;
    const timer = setTimeout(() => finish(new GeolocationError('timeout')), timeoutMs + 2_000);
    function finish(result: Point | GeolocationError): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (result instanceof GeolocationError) reject(result);
      else resolve(result);
    }
    try {
      geo.getCurrentPosition(
        (position) => finish({ lat: position.coords.latitude, lng: position.coords.longitude }),
        (error) =>
          finish(
            new GeolocationError(
              error.code === 1 ? 'denied' : error.code === 3 ? 'timeout' : 'unavailable',
            ),
          ),
        { enableHighAccuracy: false, timeout: timeoutMs, maximumAge: 5 * 60_000 },
      );
    } catch {
      finish(new GeolocationError('unavailable'));
    }
  });
}

/** The message about the position, per state after asking. */
export const geoMessages: Record<Exclude<GeoState, 'idle'>, () => string> = {
  locating: () => msg('Finding your location…', { id: 'finder.geoLocating' }),
  located: () => msg('Sorted by distance from where you are.', { id: 'finder.geoLocated' }),
  denied: () =>
    msg(
      'Location access was turned down. You can still search by name or area, or allow location in your browser settings.',
      { id: 'finder.geoDenied' },
    ),
  timeout: () =>
    msg('Finding your location took too long. Please try again.', { id: 'finder.geoTimeout' }),
  unavailable: () =>
    msg('Your location is not available right now. You can still search by name or area.', {
      id: 'finder.geoUnavailable',
    }),
  unsupported: () =>
    msg('This browser cannot share your location. You can still search by name or area.', {
      id: 'finder.geoUnsupported',
    }),
};
