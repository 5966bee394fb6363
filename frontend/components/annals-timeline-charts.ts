/**
 * The timeline's two pictures, drawn with Chart.js: a zoomable band of events by day (one row per
 * event type; wheel or pinch to zoom, drag to pan) and a stacked bar chart of events per day by
 * type. The server sends the data as one JSON string; this element only draws it, and says so with its
 * `drawn` attribute (Chart.js arrives after the element: its own chunk).
 */
import { LitElement, html, css, PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';

// Types only through import(): Vaadin's build reads every import statement of this file, type-only ones too, and
// would load Chart.js with the page's first scripts again.
type ChartLibraries = typeof import('./chart-libraries.js');
type Chart = InstanceType<ChartLibraries['Chart']>;

let charts: Promise<ChartLibraries> | undefined;

/** Chart.js, loaded once for the page the first time charts are drawn (see chart-libraries.ts for why late). */
function chartLibraries(): Promise<ChartLibraries> {
  charts ??= import('./chart-libraries.js');
  return charts;
}

interface BandPoint { id: string; title: string; day: string; type: string }
interface DayCount { day: string; type: string; count: number }
interface ChartData { types: string[]; points: BandPoint[]; perDay: DayCount[] }

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];

@customElement('annals-timeline-charts')
export class AnnalsTimelineCharts extends LitElement {
  static styles = css`
    :host { display: block; width: 100%; }
    .band { height: 180px; }
    .bars { height: 160px; }
    canvas { width: 100% !important; }
    .hint { font-size: var(--lumo-font-size-xs, 12px); color: var(--lumo-secondary-text-color, #666); }
  `;

  /** JSON of {@link ChartData}. */
  @property({ type: String }) data = '{"types":[],"points":[],"perDay":[]}';

  @query('#band') private bandCanvas!: HTMLCanvasElement;
  @query('#bars') private barsCanvas!: HTMLCanvasElement;
  private band?: Chart;
  private bars?: Chart;

  render() {
    return html`
      <div class="band"><canvas id="band" aria-label="Events by day and type"></canvas></div>
      <div class="hint">Scroll or pinch to zoom the band, drag to move it, double-click to reset.</div>
      <div class="bars"><canvas id="bars" aria-label="Events per day by type"></canvas></div>`;
  }

  protected updated(changed: PropertyValues) {
    if (changed.has('data')) {
      void this.drawWhenReady(this.data);
    }
  }

  private async drawWhenReady(json: string) {
    const { Chart } = await chartLibraries();
    if (json !== this.data) {
      return; // newer data came while Chart.js loaded, and draws itself
    }
    this.draw(Chart, JSON.parse(json) as ChartData);
    this.setAttribute('drawn', '');
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.band?.destroy();
    this.bars?.destroy();
  }

  private draw(Chart: ChartLibraries['Chart'], data: ChartData) {
    this.band?.destroy();
    this.bars?.destroy();
    const colour = (type: string) => PALETTE[Math.max(0, data.types.indexOf(type)) % PALETTE.length];
    this.band = new Chart(this.bandCanvas, {
      type: 'scatter',
      data: {
        datasets: data.types.map((type) => ({
          label: type,
          backgroundColor: colour(type),
          data: data.points.filter((p) => p.type === type)
            .map((p) => ({ x: Date.parse(p.day), y: data.types.indexOf(type), title: p.title })),
        })),
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { type: 'time', time: { unit: 'day', tooltipFormat: 'd MMM yyyy' } },
          y: {
            min: -0.5,
            max: data.types.length - 0.5,
            ticks: { stepSize: 1, autoSkip: false, callback: (v) => data.types[Number(v)] ?? '' },
          },
        },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (ctx) => (ctx.raw as { title: string }).title } },
          zoom: { zoom: { wheel: { enabled: true }, pinch: { enabled: true }, mode: 'x' }, pan: { enabled: true, mode: 'x' } },
        },
      },
    });
    this.bandCanvas.ondblclick = () => this.band?.resetZoom();
    const days = [...new Set(data.perDay.map((d) => d.day))].sort();
    this.bars = new Chart(this.barsCanvas, {
      type: 'bar',
      data: {
        labels: days,
        datasets: data.types.map((type) => ({
          label: type,
          backgroundColor: colour(type),
          data: days.map((day) => data.perDay.find((d) => d.day === day && d.type === type)?.count ?? 0),
        })),
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
      },
    });
  }
}
