import dsfrCss from '@gouvfr/dsfr/dist/dsfr.min.css?url';
import mapCss from '@gouvfr/dsfr-chart/MapChart/css?url';
import { useEffect, useId, useRef, useState } from 'react';
import './FranceMap.css';

export type FranceMapProps = {
  /** Départements ('dep', keyed by code) or regions ('reg', keyed by REGION_MAP_KEYS). */
  level: 'dep' | 'reg';
  /** The value of each key drawn coloured; keys left out are drawn grey. */
  data: Record<string, number>;
  /** The headline above the map: what is shown, its figure and its date. */
  name: string;
  value: string;
  date: string;
  palette: string;
  /** The French text of the tooltip over a key, and of the legend's ends. */
  tooltip: (key: string) => string | null;
  formatValue: (value: number) => string;
  /** A click on a key that has data, and the keys a click opens (all those with data by default). */
  onSelect?: (key: string) => void;
  selectable?: string[];
  /** For assistive technologies: what the map shows and where the same figures are as text. */
  caption: string;
};

/**
 * dsfr-chart's `<map-chart>` (a Vue custom element), made anew whenever what it shows changes (it reads its
 * attributes once). Its tooltips and legend print raw numbers: they are rewritten as French text; a click calls
 * {@code onSelect} instead of zooming.
 */
export function FranceMap({
  level, data, name, value, date, palette, tooltip, formatValue, onSelect, selectable, caption,
}: FranceMapProps) {
  const host = useRef<HTMLDivElement>(null);
  const captionId = useId();
  const [loaded, setLoaded] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    // the chart's code (Vue and the map's shapes) loads with the pages that draw a map only
    import('@gouvfr/dsfr-chart/MapChart')
      .then(() => setLoaded(true))
      .catch(() => setProblem('La carte n\'a pas pu être chargée ; les mêmes chiffres sont donnés en texte sur cette page.'));
  }, []);

  useEffect(() => {
    const container = host.current;
    if (!loaded || !container) {
      return undefined;
    }
    const values = Object.values(data);
    const chart = document.createElement('map-chart');
    // attributes, as strings: what the element reads when it connects
    chart.setAttribute('data', JSON.stringify(data));
    chart.setAttribute('value', value);
    chart.setAttribute('name', name);
    chart.setAttribute('date', date);
    chart.setAttribute('level', level);
    chart.setAttribute('selected-palette', palette);

    let hovered: string | null = null;
    // the chart draws in its shadow root: events seen on the element are retargeted to it, the path is the first
    // of their composed path
    const keyOf = (event: Event): string | null => {
      const target = event.composedPath()[0];
      const path = target instanceof Element ? target.closest('path') : null;
      const key = path?.getAttribute('class') ?? '';
      return key.startsWith('FR-') ? key.slice(3) : null;
    };
    const onClick = (event: MouseEvent) => {
      const key = keyOf(event);
      if (key !== null) {
        // before the chart's own handler, which would zoom on the region
        event.stopPropagation();
        if (onSelect && (selectable ?? Object.keys(data)).includes(key)) {
          onSelect(key);
        }
      }
    };
    const onDoubleClick = (event: MouseEvent) => {
      if (keyOf(event) !== null) {
        event.stopPropagation();
      }
    };
    let root: ShadowRoot | HTMLElement = chart;
    const french = () => {
      rewrite(root.querySelector('.tooltip_value'), hovered === null ? null : tooltip(hovered));
      if (values.length > 0) {
        rewrite(root.querySelector('.scale_values .min'), formatValue(Math.min(...values)));
        rewrite(root.querySelector('.scale_values .max'), formatValue(Math.max(...values)));
      }
    };
    const onOver = (event: MouseEvent) => {
      hovered = keyOf(event);
      french();
    };
    chart.addEventListener('click', onClick, true);
    chart.addEventListener('dblclick', onDoubleClick, true);
    chart.addEventListener('mouseover', onOver, true);
    container.replaceChildren(chart);
    // dsfr-chart 2.0.4 asks for no shadow root, but passes the option where the browser ignores it: the chart renders
    // in an open shadow root, where the page's styles do not reach; the DSFR's and the chart's are linked there
    root = chart.shadowRoot ?? chart;
    if (chart.shadowRoot) {
      for (const href of [dsfrCss, mapCss]) {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        chart.shadowRoot.prepend(link);
      }
      const clickableKeys = selectable ?? Object.keys(data);
      if (onSelect && clickableKeys.length > 0) {
        const clickable = document.createElement('style');
        clickable.textContent = clickableKeys.map((key) => `path.FR-${CSS.escape(key)}`).join(', ')
          + ' { cursor: pointer; }';
        chart.shadowRoot.append(clickable);
      }
    }
    const observer = new MutationObserver(french);
    observer.observe(root, { subtree: true, childList: true, characterData: true });
    french();
    return () => {
      observer.disconnect();
      chart.remove();
    };
  }, [loaded, level, data, name, value, date, palette, tooltip, formatValue, onSelect, selectable]);

  return (
    <figure className="fr-m-0" aria-labelledby={captionId}>
      {problem && <div className="fr-alert fr-alert--warning fr-alert--sm"><p>{problem}</p></div>}
      {!loaded && !problem && <p role="status">Chargement de la carte…</p>}
      <div ref={host} className="maillage-map" data-level={level} />
      <figcaption id={captionId} className="fr-sr-only">{caption}</figcaption>
    </figure>
  );
}

function rewrite(element: Element | null, text: string | null) {
  if (element && text !== null && element.textContent !== text) {
    element.textContent = text;
  }
}
