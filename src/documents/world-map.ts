/**
 * A small world map with the asset's place, drawn from Natural Earth's land outline (world-atlas,
 * public domain) that ships with the package: no tiles, no network. The outline is projected once
 * (plate carrée: longitude and latitude as x and y, the one projection that needs no library) into an
 * SVG path; the map itself is a string, so the report page and the printable document draw the same one.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { escapeXml } from './chart.js';

/** The band of latitudes shown: Antarctica and the high Arctic would take a third of a small map. */
const NORTH = 84;
const SOUTH = -58;

/** SVG user units per degree. */
const SCALE = 2;

export const MAP_WIDTH = 360 * SCALE;
export const MAP_HEIGHT = (NORTH - SOUTH) * SCALE;

export function project(longitude: number, latitude: number): [x: number, y: number] {
  return [(longitude + 180) * SCALE, (NORTH - latitude) * SCALE];
}

function ringPath(ring: readonly Position[], offset: number): string {
  let d = '';
  ring.forEach(([longitude = 0, latitude = 0], i) => {
    const [x, y] = project(longitude + offset, latitude);
    d += `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
  });
  return `${d}Z`;
}

/**
 * A ring that crosses the antimeridian (Fiji, Chukotka) jumps from +180° to −180°: drawn as is, it
 * would streak across the whole map. It is unwrapped into a continuous ring (a jump of more than half
 * a turn is undone by adding or removing a full turn), then drawn twice, a full turn apart; the map's
 * frame clips each copy to the part that belongs on its side.
 */
function ringPaths(ring: readonly Position[]): string {
  if (ring.every(([, latitude = 0]) => latitude < SOUTH)) return ''; // Antarctica: below the frame
  let turn = 0;
  let previous: number | undefined;
  const unwrapped: Position[] = ring.map(([longitude = 0, latitude = 0]) => {
    if (previous !== undefined && Math.abs(longitude - previous) > 180) turn += longitude < previous ? 360 : -360;
    previous = longitude;
    return [longitude + turn, latitude];
  });
  const longitudes = unwrapped.map(([longitude = 0]) => longitude);
  const max = Math.max(...longitudes);
  const min = Math.min(...longitudes);
  if (max > 180) return ringPath(unwrapped, 0) + ringPath(unwrapped, -360);
  if (min < -180) return ringPath(unwrapped, 0) + ringPath(unwrapped, 360);
  return ringPath(unwrapped, 0);
}

function geometryPath(geometry: Geometry | null): string {
  if (!geometry) return '';
  switch (geometry.type) {
    case 'Polygon':
      return geometry.coordinates.map(ringPaths).join('');
    case 'MultiPolygon':
      return geometry.coordinates.map((polygon) => polygon.map(ringPaths).join('')).join('');
    case 'GeometryCollection':
      return geometry.geometries.map(geometryPath).join('');
    default:
      return ''; // points and lines: an outline has none
  }
}

/** The `d` attribute of the land outline of a world-atlas topology (`land-110m.json`). */
export function worldOutlinePath(topology: Topology): string {
  const object = topology.objects['land'] ?? Object.values(topology.objects)[0];
  if (object === undefined) return '';
  const geo = feature(topology, object) as Feature | FeatureCollection;
  const features = geo.type === 'FeatureCollection' ? geo.features : [geo];
  return features.map((f) => geometryPath(f.geometry)).join('');
}

export interface WorldMapOptions {
  /** From {@link worldOutlinePath}. */
  outline: string;
  latitude: number;
  longitude: number;
  /** Read by screen readers and shown on hover. */
  label: string;
}

/** The map as a standalone SVG element: land in grey, the asset as a ringed dot with a crosshair. */
export function worldMapSvg({ outline, latitude, longitude, label }: WorldMapOptions): string {
  const [x, y] = project(longitude, Math.max(SOUTH, Math.min(NORTH, latitude)));
  const cx = x.toFixed(1);
  const cy = y.toFixed(1);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="world-map" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" width="${MAP_WIDTH}" height="${MAP_HEIGHT}" role="img" aria-label="${escapeXml(label)}">` +
    `<title>${escapeXml(label)}</title>` +
    `<rect width="${MAP_WIDTH}" height="${MAP_HEIGHT}" fill="#eef3f7"/>` +
    `<path d="${outline}" fill="#cfd6dd" stroke="#9aa5b1" stroke-width="0.4" stroke-linejoin="round"/>` +
    `<g class="map-marker" data-latitude="${latitude}" data-longitude="${longitude}">` +
    `<line x1="${cx}" x2="${cx}" y1="0" y2="${MAP_HEIGHT}" stroke="#1b1b1b" stroke-width="0.6" stroke-dasharray="3 3" opacity="0.6"/>` +
    `<line x1="0" x2="${MAP_WIDTH}" y1="${cy}" y2="${cy}" stroke="#1b1b1b" stroke-width="0.6" stroke-dasharray="3 3" opacity="0.6"/>` +
    `<circle cx="${cx}" cy="${cy}" r="11" fill="none" stroke="#D55E00" stroke-width="2.5"/>` +
    `<circle cx="${cx}" cy="${cy}" r="4.5" fill="#D55E00" stroke="#ffffff" stroke-width="1.5"/>` +
    '</g></svg>'
  );
}
