/**
 * One position from the browser's Geolocation API, as a promise that always settles: the API
 * may never call back when a prompt is ignored, so our own timer ends the wait too.
 */
import type { Point } from './geo.js';

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
