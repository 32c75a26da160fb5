/**
 * "Use my location": asks the browser for one position (its code is its own chunk, fetched only
 * when a visitor asks) and keeps the state the toolbar shows. An answer that arrives after the
 * finder was removed, or after a newer request, is dropped. Holds the distance code (`geo.ts`),
 * its own chunk too, there before the first update with a position (found, or `origin`).
 *
 * The words for each state after asking come with the request's chunk (`geolocation.ts`) and,
 * where the CDN build splits the translations, with the rest of the messages: only a click
 * leaves 'idle' (`origin` sorts without it), so a first view never downloads them, and nothing
 * is said before they are there (never English first).
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { LazyModule } from '../core/element/lazy-module.js';
import { networkErrorMessage } from '../core/network-error.js';
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
  /** The browser request and what the finder says about it (`geolocation.ts`). */
  readonly locator: LazyModule<typeof import('./geolocation.js')>;

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
    this.locator = new LazyModule(host, {
      load: () => import('./geolocation.js'),
      what: 'the location request',
      laterMessages: true,
    });
  }

  /** Where distances are measured from: the position found, else `origin`; none without the code. */
  origin(): Point | undefined {
    const geo = this.geo.module;
    return geo && (this.point ?? geo.parseOrigin(this.host.origin));
  }

  /** What the toolbar shows: the state, and its message once its words are there. */
  status(): { state: GeoState; message: string } {
    const { state } = this;
    const code = this.locator.state;
    if (state === 'idle') return { state, message: '' };
    if (typeof code === 'object') return { state, message: code.geoMessages[state]() };
    // The request's chunk could not be downloaded: the connection is the problem (a click tries
    // again). While it travels (again), nothing is said yet.
    const failed = code === 'failed' && state !== 'locating';
    return { state, message: failed ? networkErrorMessage() : '' };
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
      await Promise.all([this.locator.load(), this.geo.load()]);
      const code = this.locator.module;
      if (!code) throw new Error('the location request could not be downloaded');
      if (!this.geo.module) throw new Error('the distance code could not be downloaded');
      const point = await code.currentPosition();
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
