/**
 * The map of events (issue 20), drawn with Leaflet: a bundled world layer (Natural Earth countries from world-atlas,
 * so countries and coastlines show with no network), a tile layer only when the server configures one, the events as
 * canvas circle markers coloured by their top-level type, clustered by supercluster where they stack, coarse places
 * drawn as a dashed ring, a popup per event and a time brush with a Play button.
 *
 * The server sends the points as one JSON string of parallel integer arrays (see {@link MapData}); titles and
 * everything else a popup says are asked for when a popup opens ($server.popup), and set as text, never as HTML.
 */
import { LitElement, html, css, unsafeCSS, nothing, PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import leafletCss from 'leaflet/dist/leaflet.css?inline';

// Types only through import(): Vaadin's build reads every import statement of this file, type-only ones too, and
// would load the libraries with the page's first scripts again.
type MapLibraries = typeof import('./map-libraries.js');

/** Leaflet and the helpers, set once their chunk has loaded (before any map is made). */
let L: MapLibraries['L'];
let SuperclusterIndex: MapLibraries['Supercluster'];
let feature: MapLibraries['feature'];
let loading: Promise<void> | undefined;

/** Loads the map's libraries once for every map of the page (see map-libraries.ts for why they load late). */
function mapLibraries(): Promise<void> {
  loading ??= import('./map-libraries.js').then((libraries) => {
    ({ L, Supercluster: SuperclusterIndex, feature } = libraries);
  });
  return loading;
}

/** What the server sends: places once, then one entry per event in each per-point array. */
interface MapData {
  /** Top-level event type names; a point's type is an index here (the legend's order and colour). */
  types: string[];
  /** Per place: latitude and longitude (5 decimals) and how far the place may lie from them, in metres (0: a point). */
  lat: number[];
  lon: number[];
  radius: number[];
  /** Per event: its place (index into the place arrays), start day (days since 1970-01-01) and type index. */
  place: number[];
  day: number[];
  type: number[];
}

/** A popup's text, as MapService.popup gives it. */
interface Popup {
  date: string;
  title: string;
  type: string;
  place: string;
  actors: string[];
  sources: string[];
  address: string;
}

type PointFeature = { type: 'Feature'; geometry: { type: 'Point'; coordinates: [number, number] }; properties: { i: number } };

const EMPTY: MapData = { types: [], lat: [], lon: [], radius: [], place: [], day: [], type: [] };
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];
const DAY_MS = 86_400_000;
/** A ring is drawn once it is at least this many pixels across the marker's radius: smaller says nothing. */
const RING_MIN_PIXELS = 10;
const EARTH_CIRCUMFERENCE = 40_075_016.686;
/** The windows of the time brush: days ending on the chosen day (0: every day up to it). */
const WINDOWS: [number, string][] = [[0, 'All days up to'], [1, 'Only'], [7, '7 days to'], [30, '30 days to']];

export function colour(type: number): string {
  return type < 0 ? '#555555' : PALETTE[type % PALETTE.length];
}

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whether a day falls in the brush's window ending on {@code end} ({@code window} days long, 0: unbounded). */
export function inWindow(day: number, end: number, window: number): boolean {
  return day <= end && (window === 0 || day > end - window);
}

@customElement('annals-map')
export class AnnalsMap extends LitElement {
  static styles = [unsafeCSS(leafletCss), css`
    :host { display: flex; flex-direction: column; gap: var(--lumo-space-s, 8px); width: 100%; }
    :host([hidden]) { display: none !important; }
    .map { height: var(--annals-map-height, 60vh); min-height: 320px; background: #cfe0ea; border-radius: 6px; }
    :host([variant='small']) .map { height: 260px; min-height: 200px; }
    .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; font-size: var(--lumo-font-size-s, 14px); }
    .legend { display: flex; flex-wrap: wrap; gap: 4px 14px; list-style: none; margin: 0; padding: 0; }
    .legend li { display: inline-flex; align-items: center; gap: 6px; }
    .swatch { width: 12px; height: 12px; border-radius: 50%; display: inline-block; border: 1px solid #fff; box-shadow: 0 0 0 1px #888; }
    .ring { width: 12px; height: 12px; border-radius: 50%; display: inline-block; border: 1.5px dashed #555; }
    .brush { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
    .brush input[type=range] { width: min(420px, 60vw); }
    .muted { color: var(--lumo-secondary-text-color, #666); }
    .cluster { display: flex; align-items: center; justify-content: center; border-radius: 50%;
      background: rgba(33, 59, 99, 0.85); color: #fff; font: 600 12px/1 system-ui, sans-serif;
      border: 2px solid rgba(255, 255, 255, 0.9); box-sizing: border-box; cursor: pointer; }
    .popup h4 { margin: 0 0 4px; font-size: 15px; }
    .popup p { margin: 2px 0; }
    .popup ul { margin: 2px 0; padding-left: 18px; }
    .stack button { display: block; background: none; border: none; padding: 2px 0; color: #1a5fb4; cursor: pointer;
      text-align: left; font: inherit; }
  `];

  /** JSON of {@link MapData}. */
  @property({ type: String }) data = '';
  /** "full" (legend, brush) or "small" (the event and entity pages). */
  @property({ type: String, reflect: true }) variant = 'full';
  /** An XYZ tile URL template; none: only the bundled world layer, and nothing is fetched from elsewhere. */
  @property({ type: String, attribute: 'tile-url' }) tileUrl = '';
  /** The tile source's attribution, shown as text. */
  @property({ type: String, attribute: 'tile-attribution' }) tileAttribution = '';
  @property({ type: Number, attribute: 'max-zoom' }) maxZoom = 18;

  /** How many events the map shows after the time brush: for the count line and for tests. */
  @state() visibleCount = 0;
  @state() private end = 0;
  @state() private span = 0;
  @state() private playing = false;

  @query('.map') private container!: HTMLDivElement;
  private map?: any;
  private canvas?: any;
  private markers?: any;
  private tiles?: any;
  private points: MapData = EMPTY;
  private features: PointFeature[] = [];
  private index?: InstanceType<MapLibraries['Supercluster']>;
  private minDay = 0;
  private maxDay = 0;
  private timer?: number;
  private resize?: ResizeObserver;

  render() {
    const full = this.variant !== 'small';
    return html`
      <div class="map" role="region" aria-label="Map of events"></div>
      ${full ? this.renderBar() : nothing}`;
  }

  private renderBar() {
    const counts = new Map<number, number>();
    for (let i = 0; i < this.points.type.length; i++) {
      if (inWindow(this.points.day[i], this.end, this.span)) {
        counts.set(this.points.type[i], (counts.get(this.points.type[i]) ?? 0) + 1);
      }
    }
    return html`
      <div class="bar">
        <ul class="legend" aria-label="Event types">
          ${this.points.types.map((name, t) => html`<li><span class="swatch" style="background:${colour(t)}"></span>${name}
            <span class="muted">${counts.get(t) ?? 0}</span></li>`)}
          <li><span class="ring"></span><span class="muted">place known only roughly (town, region, country)</span></li>
        </ul>
      </div>
      ${this.points.day.length === 0 ? nothing : html`
        <div class="brush">
          <label>Days <select aria-label="Days shown" @change=${(e: Event) => this.setWindow(Number((e.target as HTMLSelectElement).value))}>
            ${WINDOWS.map(([days, label]) => html`<option value=${days} ?selected=${days === this.span}>${label}</option>`)}
          </select></label>
          <input type="range" aria-label="Day" min=${this.minDay} max=${this.maxDay} step="1" .value=${String(this.end)}
            @input=${(e: Event) => this.setEnd(Number((e.target as HTMLInputElement).value))}>
          <span class="brush-day">${isoDay(this.end)}</span>
          <button type="button" class="play" @click=${() => this.togglePlay()}>${this.playing ? 'Pause' : 'Play'}</button>
          <span class="muted shown">${this.visibleCount} of ${this.points.day.length} shown</span>
        </div>`}`;
  }

  firstUpdated() {
    void this.start();
  }

  /** Makes the map once Leaflet is there, then shows the data that came meanwhile. */
  private async start() {
    await mapLibraries();
    this.map = L.map(this.container, { preferCanvas: true, worldCopyJump: true, minZoom: 1, maxZoom: this.maxZoom,
      zoomSnap: 1 });
    this.canvas = L.canvas({ padding: 0.5 });
    this.map.attributionControl.setPrefix('Leaflet');
    this.map.setView([20, 10], 2);
    this.map.createPane('world').style.zIndex = '250'; // above tiles (200), below points (400)
    this.markers = L.layerGroup().addTo(this.map);
    this.map.on('moveend', () => this.draw());
    this.showTiles();
    void this.showWorld();
    // A map first drawn hidden (no events yet) has no size: once it has one, fit the view to the points again.
    let sized = this.container.clientWidth > 0;
    this.resize = new ResizeObserver(() => {
      this.map?.invalidateSize();
      const now = this.container.clientWidth > 0;
      if (now && !sized) {
        this.fit();
      }
      sized = now;
    });
    this.resize.observe(this.container);
    if (this.data) {
      this.load();
    }
  }

  protected updated(changed: PropertyValues) {
    if (!this.map) {
      return;
    }
    if (changed.has('tileUrl') || changed.has('tileAttribution') || changed.has('maxZoom')) {
      this.map.setMaxZoom(this.maxZoom);
      this.showTiles();
    }
    if (changed.has('data')) {
      this.load();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stop();
    this.resize?.disconnect();
  }

  /** The countries, loaded on demand (their own chunk of the bundle, from this server): filled when no tiles. */
  private async showWorld() {
    const topology = (await import('world-atlas/countries-50m.json')).default as { objects: { countries: unknown } };
    const countries = feature(topology, topology.objects.countries);
    L.geoJSON(countries, {
      pane: 'world',
      renderer: L.svg({ pane: 'world', padding: 0.5 }),
      interactive: false,
      attribution: 'Natural Earth',
      style: () => this.tileUrl
        ? { color: '#555', weight: 0.8, fill: false }
        : { color: '#8c8c8c', weight: 0.7, fillColor: '#f2efe6', fillOpacity: 1 },
    }).addTo(this.map);
    this.setAttribute('world-drawn', '');
  }

  private showTiles() {
    this.tiles?.remove();
    this.tiles = undefined;
    if (this.tileUrl) {
      // The attribution is shown as text: Leaflet would insert it as HTML.
      const text = document.createElement('span');
      text.textContent = this.tileAttribution;
      this.tiles = L.tileLayer(this.tileUrl, { maxZoom: this.maxZoom, attribution: text.innerHTML }).addTo(this.map);
    }
  }

  private load() {
    this.stop();
    this.points = this.data ? (JSON.parse(this.data) as MapData) : EMPTY;
    const p = this.points;
    this.features = p.place.map((place, i) => ({ type: 'Feature', properties: { i },
      geometry: { type: 'Point', coordinates: [p.lon[place], p.lat[place]] } }));
    this.minDay = p.day.length ? p.day[0] : 0;
    this.maxDay = this.minDay;
    for (const day of p.day) {
      this.minDay = Math.min(this.minDay, day);
      this.maxDay = Math.max(this.maxDay, day);
    }
    this.end = this.maxDay;
    this.span = 0;
    this.cluster();
    this.fit();
  }

  /** Indexes the points the brush lets through; supercluster answers each view in a few milliseconds. */
  private cluster() {
    const shown = this.features.filter((f) => inWindow(this.points.day[f.properties.i], this.end, this.span));
    this.visibleCount = shown.length;
    this.index = new SuperclusterIndex({ radius: 48, maxZoom: this.maxZoom, minPoints: 2 });
    this.index.load(shown as never);
    this.draw();
    this.dispatchEvent(new CustomEvent('brushed', { detail: { shown: shown.length } }));
  }

  private fit() {
    const p = this.points;
    if (!this.map || p.place.length === 0) {
      this.map?.setView([20, 10], 2);
      return;
    }
    const used = [...new Set(p.place)];
    const bounds = L.latLngBounds(used.map((i) => [p.lat[i], p.lon[i]]));
    if (used.length === 1) {
      this.map.setView(bounds.getCenter(), this.variant === 'small' ? 9 : 8, { animate: false });
    } else {
      this.map.fitBounds(bounds, { padding: [30, 30], maxZoom: 10, animate: false });
    }
  }

  /** Draws the clusters and points of the current view. */
  private draw() {
    if (!this.map || !this.markers || !this.index) {
      return;
    }
    this.markers.clearLayers();
    const b = this.map.getBounds();
    const zoom = Math.round(this.map.getZoom());
    const west = Math.max(-180, b.getWest());
    const east = Math.min(180, b.getEast());
    const box: [number, number, number, number] = east - west >= 360 || b.getEast() - b.getWest() >= 360
      ? [-180, Math.max(-85, b.getSouth()), 180, Math.min(85, b.getNorth())]
      : [west, Math.max(-85, b.getSouth()), east, Math.min(85, b.getNorth())];
    const metresPerPixel = (lat: number) => EARTH_CIRCUMFERENCE * Math.cos((lat * Math.PI) / 180) / 2 ** (zoom + 8);
    for (const item of this.index.getClusters(box, zoom) as any[]) {
      const [lon, lat] = item.geometry.coordinates as [number, number];
      if (item.properties.cluster) {
        this.markers.addLayer(this.clusterMarker(lat, lon, item.properties.cluster_id, item.properties.point_count));
        continue;
      }
      const i = item.properties.i as number;
      const place = this.points.place[i];
      const radius = this.points.radius[place];
      const type = this.points.type[i];
      const ring = radius > 0 && radius / metresPerPixel(lat) >= RING_MIN_PIXELS;
      if (ring) {
        this.markers.addLayer(L.circle([lat, lon], { renderer: this.canvas, radius, color: colour(type), weight: 1.5,
          dashArray: '6 5', fillColor: colour(type), fillOpacity: 0.08, interactive: false }));
      }
      const marker = L.circleMarker([lat, lon], { renderer: this.canvas, radius: 7, color: '#fff', weight: 1.5,
        fillColor: colour(type), fillOpacity: ring ? 0.45 : 0.95 });
      marker.on('click', () => void this.openPopup(i, L.latLng(lat, lon)));
      this.markers.addLayer(marker);
    }
    this.setAttribute('markers', String(this.markers.getLayers().length));
  }

  private clusterMarker(lat: number, lon: number, id: number, count: number): any {
    const size = Math.round(26 + Math.min(26, Math.log10(count) * 9));
    const label = document.createElement('div');
    label.className = 'cluster';
    label.style.width = label.style.height = `${size}px`;
    label.textContent = count >= 10_000 ? `${Math.round(count / 1000)}k` : String(count);
    label.setAttribute('aria-label', `${count} events`);
    const marker = L.marker([lat, lon], { icon: L.divIcon({ html: label, className: '', iconSize: [size, size] }),
      title: `${count} events`, keyboard: true });
    marker.on('click', () => {
      const zoom = this.index!.getClusterExpansionZoom(id);
      if (zoom <= this.map!.getMaxZoom()) {
        this.map!.setView([lat, lon], zoom);
      } else {
        this.openStack(id, L.latLng(lat, lon), count);
      }
    });
    return marker;
  }

  /** Events at one spot that no zoom separates: a list to pick from. */
  private openStack(id: number, at: any, count: number) {
    const box = document.createElement('div');
    box.className = 'popup stack';
    const heading = document.createElement('h4');
    heading.textContent = `${count} events here`;
    box.append(heading);
    for (const leaf of this.index!.getLeaves(id, 50) as any[]) {
      const i = leaf.properties.i as number;
      const item = document.createElement('button');
      item.type = 'button';
      item.textContent = `${isoDay(this.points.day[i])} · ${this.points.types[this.points.type[i]] ?? 'Event'}`;
      item.addEventListener('click', () => void this.openPopup(i, at));
      box.append(item);
    }
    if (count > 50) {
      const more = document.createElement('p');
      more.textContent = `and ${count - 50} more: narrow the filters or the days`;
      box.append(more);
    }
    L.popup({ maxHeight: 260 }).setLatLng(at).setContent(box).openOn(this.map);
  }

  /** Asks the server what to tell about an event and shows it, as text. */
  private async openPopup(i: number, at: any) {
    const server = (this as unknown as { $server?: { popup(i: number): Promise<string>; open(i: number): void } }).$server;
    if (!server) {
      return;
    }
    const popup = JSON.parse(await server.popup(i)) as Popup;
    const box = document.createElement('div');
    box.className = 'popup';
    const line = (tag: string, text: string) => {
      const element = document.createElement(tag);
      element.textContent = text;
      box.append(element);
      return element;
    };
    line('p', popup.date).className = 'popup-date';
    line('h4', popup.title);
    line('p', popup.type);
    line('p', popup.place);
    if (popup.actors.length) {
      line('p', `Actors: ${popup.actors.join(', ')}`);
    }
    if (popup.sources.length) {
      line('p', popup.sources.length === 1 ? 'Source:' : `Sources (${popup.sources.length}):`);
      const list = document.createElement('ul');
      popup.sources.forEach((title) => {
        const item = document.createElement('li');
        item.textContent = title;
        list.append(item);
      });
      box.append(list);
    } else {
      line('p', 'No source cited');
    }
    const link = document.createElement('a');
    link.href = popup.address;
    link.textContent = 'Open the event';
    link.addEventListener('click', (e) => {
      // A plain click navigates inside the application (a server round trip); other clicks open a tab as usual.
      if (e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey) {
        e.preventDefault();
        server.open(i);
      }
    });
    box.append(link);
    L.popup({ maxWidth: 320 }).setLatLng(at).setContent(box).openOn(this.map);
  }

  private setEnd(day: number) {
    this.end = day;
    this.cluster();
  }

  private setWindow(days: number) {
    this.span = days;
    this.cluster();
  }

  /** Steps the brush's day forward, about 120 steps from the first day to the last whatever the span. */
  private togglePlay() {
    if (this.playing) {
      this.stop();
      return;
    }
    if (this.end >= this.maxDay) {
      this.end = this.minDay;
    }
    const step = Math.max(1, Math.round((this.maxDay - this.minDay) / 120));
    this.playing = true;
    this.cluster();
    this.timer = window.setInterval(() => {
      if (this.end >= this.maxDay) {
        this.stop();
        return;
      }
      this.setEnd(Math.min(this.maxDay, this.end + step));
    }, 400);
  }

  private stop() {
    if (this.timer !== undefined) {
      window.clearInterval(this.timer);
      this.timer = undefined;
    }
    this.playing = false;
  }
}
