/**
 * "Use my location": asks the browser for one position (its code is its own chunk, fetched only
 * when a visitor asks) and keeps the state the toolbar shows. An answer that arrives after the
 * finder was removed, or after a newer request, is dropped.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Point } from './geo.js';
import type { GeolocationFailure } from './geolocation.js';

export type GeoState = 'idle' | 'locating' | 'located' | GeolocationFailure;

export class LocateController implements ReactiveController {
  state: GeoState = 'idle';
  /** The visitor's position once found. */
  point?: Point;
  private request = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Called with the position when it is found (the finder then sorts by distance). */
    private readonly onLocated: () => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.request++;
  }

  /** Asks for the position, unless already asking. */
  async locate(): Promise<void> {
    if (this.state === 'locating') return;
    const request = ++this.request;
    this.set('locating');
    try {
      const { currentPosition } = await import('./geolocation.js');
      const point = await currentPosition();
      if (request !== this.request) return;
      this.point = point;
      this.set('located');
      this.onLocated();
    } catch (error) {
      if (request !== this.request) return;
      // A failed chunk load has no reason: the position is then simply unavailable.
      this.set((error as { reason?: GeolocationFailure }).reason ?? 'unavailable');
    }
  }

  private set(state: GeoState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
