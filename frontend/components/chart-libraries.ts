/**
 * Chart.js with its zoom plugin and date adapter, in a chunk of their own that the browser fetches the first time
 * the timeline's charts are shown: about 600 KB of script (Chart.js, Hammer.js, date-fns) that no other page needs,
 * and the bundle's eager part is parsed on every page load (the source page's above all, issue 21).
 */
import { Chart, registerables } from 'chart.js';
import zoomPlugin from 'chartjs-plugin-zoom';
import 'chartjs-adapter-date-fns';

Chart.register(...registerables, zoomPlugin);

export { Chart };
