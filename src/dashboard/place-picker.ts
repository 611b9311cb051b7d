/**
 * The place picker: the places of the regional climate table (GET /places.json), grouped by country,
 * Korea first. Picking one hands its coordinates and a readable label to the form.
 */
import type { Place } from '../analysis/regions/lookup.js';
import { h, replace } from './dom.js';

/** A place of the regional climate table, as /places.json lists it (the server's listPlaces()). */
export type { Place };

export interface PickedPlace {
  latitude: number;
  longitude: number;
  /** `Busan, South Korea` */
  label: string;
}

export class PlacePicker {
  readonly element: HTMLSelectElement;
  readonly #byId = new Map<string, PickedPlace>();

  constructor(places: Promise<readonly Place[]>, onPick: (place: PickedPlace) => void) {
    this.element = h('select', { id: 'f-place', name: 'place' }, h('option', { value: '' }, 'Loading places…'));
    this.element.addEventListener('change', () => {
      const picked = this.#byId.get(this.element.value);
      if (picked) onPick(picked);
    });
    places.then(
      (list) => this.#fill(list),
      () => replace(this.element, h('option', { value: '' }, 'Places unavailable: enter coordinates')),
    );
  }

  /** Shows no place picked (the coordinates were typed by hand). */
  clear(): void {
    this.element.value = '';
  }

  #fill(places: readonly Place[]): void {
    const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    const country = (code: string): string => regionNames.of(code) ?? code;
    const byCountry = new Map<string, Place[]>();
    for (const place of places) {
      byCountry.set(place.country, [...(byCountry.get(place.country) ?? []), place]);
      this.#byId.set(place.id, { latitude: place.latitude, longitude: place.longitude, label: `${place.name}, ${country(place.country)}` });
    }
    const groups = [...byCountry.entries()].sort(([a], [b]) => (a === 'KR' ? -1 : b === 'KR' ? 1 : country(a).localeCompare(country(b))));
    replace(
      this.element,
      h('option', { value: '' }, `Choose one of ${places.length} places…`),
      ...groups.map(([code, list]) =>
        h(
          'optgroup',
          { label: country(code) },
          ...[...list].sort((a, b) => a.name.localeCompare(b.name)).map((p) => h('option', { value: p.id }, `${p.name} (${p.nameKo})`)),
        ),
      ),
    );
  }
}
