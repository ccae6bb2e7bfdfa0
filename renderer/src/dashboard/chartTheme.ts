// Chart colours for the light and dark themes. Canvas pixels do not follow CSS, so the charts
// are re-coloured from these values when the theme changes. The series palette is Okabe-Ito
// (distinguishable with the common colour-vision deficiencies), lightened for dark backgrounds.
import { useEffect, useState } from 'react';

export type ThemeName = 'light' | 'dark';

export interface ChartTheme {
  name: ThemeName;
  text: string;
  grid: string;
  series: readonly string[];
  /** The "previous period" series: a muted companion to series[0]. */
  previous: string;
  negative: string;
}

const LIGHT: ChartTheme = {
  name: 'light',
  text: '#1f2933',
  grid: 'rgba(31, 41, 51, 0.12)',
  series: ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#7a6f00', '#5d5d5d'],
  previous: '#9aa5b1',
  negative: '#c0392b',
};

const DARK: ChartTheme = {
  name: 'dark',
  text: '#e4e7eb',
  grid: 'rgba(228, 231, 235, 0.14)',
  series: ['#56b4e9', '#f0c05a', '#3cc9a0', '#e59cc8', '#8fd3ff', '#ff8a4c', '#d9cf5c', '#b8b8b8'],
  previous: '#7b8794',
  negative: '#ff6b6b',
};

/** The app's explicit choice (data-theme on <html>) wins; otherwise the system preference. */
const currentTheme = (): ThemeName => {
  const explicit = document.documentElement.dataset.theme;
  if (explicit === 'light' || explicit === 'dark') return explicit;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
};

export const chartThemeOf = (name: ThemeName): ChartTheme => (name === 'dark' ? DARK : LIGHT);

/** The chart theme, updated when the system scheme or the app's data-theme changes. */
export const useChartTheme = (): ChartTheme => {
  const [name, setName] = useState<ThemeName>(currentTheme);
  useEffect(() => {
    const update = () => setName(currentTheme());
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', update);
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
    });
    return () => {
      media.removeEventListener('change', update);
      observer.disconnect();
    };
  }, []);
  return chartThemeOf(name);
};

export const seriesColor = (theme: ChartTheme, i: number): string =>
  theme.series[i % theme.series.length] ?? theme.text;
