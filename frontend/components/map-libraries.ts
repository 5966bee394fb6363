/**
 * The map's libraries, in a chunk of their own that the browser fetches the first time a map is shown: Leaflet and
 * the clustering and topology helpers are about 270 KB of script that no other page needs, and the bundle's eager
 * part is parsed on every page load (the source page's above all, issue 21).
 */
export * as L from 'leaflet/dist/leaflet-src.esm.js';
export { default as Supercluster } from 'supercluster';
export { feature } from 'topojson-client';
