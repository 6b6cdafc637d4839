/**
 * The map's ground, drawn once per build: country outlines from Natural Earth (public
 * domain), as packaged in `world-atlas` (ISC), projected with d3-geo onto a frame fitted to
 * Afghanistan and clipped to it, with coordinates rounded to whole units of the frame. The
 * main map uses the 1:50m outlines; the small locator maps the 1:110m ones, a sixth of the bytes.
 */
import { geoConicEqualArea, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import detailed from 'world-atlas/countries-50m.json' with { type: 'json' };
import simple from 'world-atlas/countries-110m.json' with { type: 'json' };

/** Afghanistan's ISO 3166-1 numeric code, the id world-atlas gives it. */
export const FOCUS_COUNTRY = '004';

export interface CountryShape {
  /** ISO 3166-1 numeric code. */
  id: string;
  name: string;
  /** The outline as an SVG path, in frame units. */
  d: string;
  /** True for Afghanistan, drawn stronger than its neighbours. */
  focus: boolean;
}

export interface MapFrame {
  width: number;
  height: number;
  countries: CountryShape[];
  /** Where a point falls on the frame, or undefined when it falls outside it. */
  project(longitude: number, latitude: number): [number, number] | undefined;
}

const FRAMES = {
  map: { topology: detailed, width: 600, height: 440, margin: 24 },
  locator: { topology: simple, width: 240, height: 176, margin: 10 },
} as const;

export type FrameKind = keyof typeof FRAMES;

function buildFrame(kind: FrameKind): MapFrame {
  const { topology, width, height, margin } = FRAMES[kind];
  const world = topology as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const { features } = feature(world, world.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const focus = features.find((country) => country.id === FOCUS_COUNTRY) as Feature<Geometry, { name: string }>;
  // An equal-area conic with standard parallels across Afghanistan keeps its shape and areas true.
  const projection: GeoProjection = geoConicEqualArea()
    .parallels([30, 38])
    .rotate([-66, 0])
    .fitExtent([[margin, margin], [width - margin, height - margin]], focus)
    .clipExtent([[0, 0], [width, height]]);
  const path = geoPath(projection).digits(0);
  const countries = features.flatMap((country): CountryShape[] => {
    const d = path(country);
    return d ? [{ id: String(country.id), name: country.properties.name, d, focus: country.id === FOCUS_COUNTRY }] : [];
  });
  return {
    width,
    height,
    // The focus country is drawn last, so its border is never under a neighbour's.
    countries: countries.sort((a, b) => Number(a.focus) - Number(b.focus)),
    project(longitude, latitude) {
      const point = projection([longitude, latitude]);
      if (!point) return undefined;
      const [x, y] = point;
      return x >= 0 && x <= width && y >= 0 && y <= height ? [Math.round(x * 10) / 10, Math.round(y * 10) / 10] : undefined;
    },
  };
}

const frames = new Map<FrameKind, MapFrame>();

/** The frame of a kind, built on first use and shared by every page of the build. */
export function mapFrame(kind: FrameKind): MapFrame {
  let frame = frames.get(kind);
  if (!frame) {
    frame = buildFrame(kind);
    frames.set(kind, frame);
  }
  return frame;
}
