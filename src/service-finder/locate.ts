/**
 * "Use my location": asks the browser for one position (its code is its own chunk, fetched only
 * when a visitor asks) and keeps the state the toolbar shows. An answer that arrives after the
 * finder was removed, or after a newer request, is dropped. Holds the distance code (`geo.ts`),
 * its own chunk too, there before the first update with a position (found, or `origin`).
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { LazyModule } from '../core/element/lazy-module.js';
import type { Point } from './geo.js';
import type { GeoCode } from './finder-model.js';
import type { GeolocationFailure } from './geolocation.js';

export type GeoState = 'idle' | 'locating' | 'located' | GeolocationFailure;

export class LocateController implements ReactiveController {
  state: GeoState = 'idle';
  /** The visitor's position once found. */
  point?: Point;
  private request = 0;
  /** The distance code; without it (a failed download) the list keeps its other orders. */
  readonly geo: LazyModule<GeoCode>;

  constructor(
    /** The finder (its `origin` attribute: "lat,lng"). */
    private readonly host: ReactiveElement & { origin?: string },
    /** Called with the position when it is found (the finder then sorts by distance). */
    private readonly onLocated: () => void,
  ) {
    host.addController(this);
    this.geo = new LazyModule(host, {
      load: () => import('./geo.js'),
      what: 'the distances',
      when: () => !!this.point || !!host.origin,
    });
  }

  /** Where distances are measured from: the position found, else `origin`; none without the code. */
  origin(): Point | undefined {
    const geo = this.geo.module;
    return geo && (this.point ?? geo.parseOrigin(this.host.origin));
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
      // Without the distance code a position could sort nothing: that counts as unavailable.
      const [{ currentPosition }] = await Promise.all([
        import('./geolocation.js'),
        this.geo.load(),
      ]);
      if (!this.geo.module) throw new Error('the distance code could not be downloaded');
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
