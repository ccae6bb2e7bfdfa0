// Chart.js set up once for the whole dashboard: only the parts the charts use are registered
// (smaller bundle), and animation is off so a dashboard full of charts draws in one frame
// instead of easing in for a second (the render budget is 500 ms for 50 stores × 3 years).
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Decimation,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

// Controllers too: the generic <Chart> of a mixed bar + line chart registers none of its own.
Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Decimation,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);
Chart.defaults.animation = false;
Chart.defaults.responsive = true;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.normalized = true;
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.plugins.legend.labels.boxWidth = 12;

export { Chart };
