/**
 * Where and how times are shown: the display zone (the `time-zone` attribute when the browser
 * knows it, else the viewer's zone, with one console warning) and the `Intl` formats of the UI
 * language, built again only when the language or the zone changes — a month grid formats
 * hundreds of dates.
 */
import { viewerZone, Zone } from '../core/time/zone.js';
import { CalendarFormats } from './formats.js';

export class Display {
  /**
   * Resolved on first use, not when the element is built: the first `Intl` object of a page costs
   * ~50 ms on a phone, and the element is built before it connects and starts its data request.
   */
  private resolved?: Zone;
  formats?: CalendarFormats;
  private warned?: string;
  /** The `time-zone` attribute the zone was resolved from (update runs on every render). */
  private asked?: string;
  /** The viewer's zone, read once per resolution (`Intl` resolves it at a cost). */
  private viewer?: Zone;

  /** Takes the `time-zone` attribute and UI locale; true when the formats were built anew. */
  update(timeZone: string | undefined, locale: string): boolean {
    if (this.formats?.locale === locale && this.viewer && timeZone === this.asked) return false;
    this.asked = timeZone;
    this.viewer = Zone.get(viewerZone());
    let zone = Zone.get(timeZone);
    if (timeZone && !zone && this.warned !== timeZone) {
      this.warned = timeZone;
      console.warn(
        `[dandelion] time-zone "${timeZone}" is not a known IANA zone; using the viewer's.`,
      );
    }
    zone ??= this.viewer ?? Zone.get('UTC')!;
    this.resolved = zone;
    if (this.formats?.locale === locale && this.formats.timeZone === zone.name) return false;
    this.formats = new CalendarFormats(locale, zone.name);
    return true;
  }

  /**
   * {@link update} and the first view's formats, ahead of the first render: a phone's first `Intl`
   * objects take ~200 ms of CPU, better spent while the data and the code are on their way.
   */
  warm(timeZone: string | undefined, locale: string): void {
    this.update(timeZone, locale);
    this.formats!.warm(this.today(), this.otherThanViewer());
  }

  /** The display zone (UTC until the first {@link update}). */
  get zone(): Zone {
    return (this.resolved ??= Zone.get('UTC')!);
  }

  /** Today (day number) in the display zone. */
  today(): number {
    return this.zone.dayOf(Date.now());
  }

  /** The display zone's name when it is not the viewer's own (the notes then name it). */
  otherThanViewer(): string | undefined {
    const viewer = this.viewer;
    return viewer && viewer.name !== this.zone.name ? this.zone.name : undefined;
  }
}
