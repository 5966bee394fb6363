// Types for what the map component imports without type packages of its own (leaflet and topojson-client ship
// none; Vite turns "?inline" CSS into a string and JSON into its object).
declare module 'leaflet/dist/leaflet-src.esm.js';
declare module 'topojson-client';
declare module '*.css?inline' {
  const css: string;
  export default css;
}
declare module 'world-atlas/countries-50m.json' {
  const topology: unknown;
  export default topology;
}
