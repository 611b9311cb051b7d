/**
 * The report page's world map. The Natural Earth outline (world-atlas, public domain) is bundled into
 * the dashboard at build time as text and projected on first use: the map needs no request at all.
 */
import type { Topology } from 'topojson-specification';
import landTopology from 'world-atlas/land-110m.json?raw';
import { worldMapSvg, worldOutlinePath } from '../documents/world-map.js';
import { svgBox } from './dom.js';

let outline: string | undefined;

export function worldMap(latitude: number, longitude: number, label: string): HTMLDivElement {
  outline ??= worldOutlinePath(JSON.parse(landTopology) as Topology);
  return svgBox('map-box', worldMapSvg({ outline, latitude, longitude, label }));
}
