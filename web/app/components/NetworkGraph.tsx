import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { hash, KIND, KINDS, type ActorKind, type MapEdge, type MapNode } from '../network';

/** What the browser tests read of the drawing: the nodes and edges shown, by kind. */
declare global {
  interface Window {
    __maillageGraph?: { nodes: () => number; edges: () => number; visibleByKind: () => Record<string, number>;
      selected: () => string | null; position: (id: string) => { x: number; y: number } | null };
  }
}

type Props = {
  nodes: MapNode[];
  edges: MapEdge[];
  summarised: boolean;
  hidden: Set<string>;
  selected: string | null;
  onSelect: (id: string | null) => void;
  label: string;
};

const RINGS: ActorKind[] = KINDS.map((k) => k.kind);
/** Past this many nodes, a force layout would hold the page for seconds: rings instead. */
const FORCE_LIMIT = 300;

/**
 * The network drawn with cytoscape. The layout does not jump between visits: each node starts on the ring of its kind
 * at an angle taken from a hash of its id, then a force layout (no randomness) settles it; past 800 nodes the seeded
 * nodes are laid on rings by kind, in the order of their hashes (a force layout would take too long).
 */
export function NetworkGraph({ nodes, edges, summarised, hidden, selected, onSelect, label }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    if (!container.current) {
      return undefined;
    }
    const biggest = Math.max(1, ...nodes.map((n) => n.count));
    const elements: ElementDefinition[] = [
      ...nodes.map((n) => {
        const ring = RINGS.indexOf(n.kind);
        const angle = ((hash(n.id) % 3600) / 3600) * 2 * Math.PI;
        const radius = 60 + ring * 90;
        return {
          group: 'nodes' as const,
          data: { id: n.id, kind: n.kind, label: summarised ? `${n.label} (${n.count})` : n.label,
            size: summarised ? 24 + 56 * Math.sqrt(n.count / biggest) : n.kind === 'HUB' || n.kind === 'COORDINATOR' ? 34 : 22,
            named: summarised || n.kind === 'HUB' || n.kind === 'COORDINATOR' ? 'yes' : 'no' },
          position: { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius },
        };
      }),
      ...edges.map((e, i) => ({
        group: 'edges' as const,
        data: { id: `e${i}`, source: e.source, target: e.target, kind: e.kind,
          width: summarised ? 1 + Math.min(8, Math.log2(1 + e.count)) : 1.5 },
      })),
    ];
    const instance = cytoscape({
      container: container.current,
      elements,
      minZoom: 0.1,
      maxZoom: 4,
      style: [
        { selector: 'node', style: {
          width: 'data(size)', height: 'data(size)', 'border-width': 1.5, 'border-color': '#161616',
          label: '', 'font-size': 11, 'font-family': 'Marianne, arial, sans-serif', color: '#161616',
          'text-valign': 'bottom', 'text-margin-y': 4, 'text-background-color': '#ffffff',
          'text-background-opacity': 0.85, 'text-background-padding': '2px', 'text-wrap': 'ellipsis',
          'text-max-width': '160px' } },
        ...KINDS.map((k) => ({ selector: `node[kind = "${k.kind}"]`,
          style: { 'background-color': k.colour, shape: k.shape as cytoscape.Css.NodeShape } })),
        { selector: 'node[named = "yes"]', style: { label: 'data(label)' } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': '#929292', 'curve-style': 'straight', opacity: 0.8 } },
        { selector: 'edge[kind = "COORDINATES"], edge[kind = "SUPPORTS"]', style: { 'line-color': '#666666' } },
        { selector: 'edge[kind = "PARTNERS_WITH"]', style: { 'line-style': 'dashed' } },
        { selector: '.hidden', style: { display: 'none' } },
        { selector: '.faded', style: { opacity: 0.25 } },
        { selector: 'node:selected, node.found', style: { label: 'data(label)', 'border-width': 4,
          'border-color': '#000091', 'underlay-color': '#e3e3fd', 'underlay-padding': 8, 'underlay-opacity': 1,
          'z-index': 10, 'font-weight': 'bold' } },
        { selector: 'edge.near', style: { 'line-color': '#000091', opacity: 1, 'z-index': 9 } },
      ],
      layout: { name: 'preset' },
    });
    if (nodes.length <= FORCE_LIMIT) {
      instance.layout({ name: 'cose', randomize: false, animate: false, fit: true, padding: 24,
        nodeRepulsion: () => 6000, idealEdgeLength: () => 60, numIter: 1000 } as cytoscape.LayoutOptions).run();
    } else {
      // rings by kind, hubs at the centre, each ring in the order of the hashes of its ids
      instance.layout({ name: 'concentric', animate: false, fit: true, padding: 24, minNodeSpacing: 4,
        concentric: (n: cytoscape.NodeSingular) => RINGS.length - RINGS.indexOf(n.data('kind') as ActorKind),
        levelWidth: () => 1, sort: (a: cytoscape.NodeSingular, b: cytoscape.NodeSingular) => hash(a.id()) - hash(b.id()),
      } as cytoscape.LayoutOptions).run();
    }
    instance.on('tap', 'node', (event) => select.current(event.target.id()));
    instance.on('tap', (event) => {
      if (event.target === instance) {
        select.current(null);
      }
    });
    cy.current = instance;
    window.__maillageGraph = {
      nodes: () => instance.nodes().filter((n) => !n.hasClass('hidden')).length,
      edges: () => instance.edges().filter((e) => !e.hasClass('hidden')).length,
      visibleByKind: () => {
        const counts: Record<string, number> = {};
        instance.nodes().filter((n) => !n.hasClass('hidden')).forEach((n) => {
          counts[n.data('kind') as string] = (counts[n.data('kind') as string] ?? 0) + 1;
        });
        return counts;
      },
      selected: () => instance.nodes('.found').first().id() || null,
      position: (id) => {
        const node = instance.getElementById(id);
        return node.nonempty() ? { ...node.position() } : null;
      },
    };
    return () => {
      instance.destroy();
      cy.current = null;
      delete window.__maillageGraph;
    };
  }, [nodes, edges, summarised]);

  // the kinds filtered out: their nodes and the edges that touch them hidden
  useEffect(() => {
    const instance = cy.current;
    if (!instance) {
      return;
    }
    instance.batch(() => {
      instance.nodes().forEach((n) => {
        n.toggleClass('hidden', hidden.has(n.data('kind') as string));
      });
      instance.edges().forEach((e) => {
        e.toggleClass('hidden', e.source().hasClass('hidden') || e.target().hasClass('hidden'));
      });
    });
  }, [hidden, nodes, edges]);

  // the node found or clicked: highlighted with its links, and centred
  useEffect(() => {
    const instance = cy.current;
    if (!instance) {
      return;
    }
    instance.batch(() => {
      instance.elements().removeClass('found near faded');
      if (selected) {
        const node = instance.getElementById(selected);
        if (node.nonempty()) {
          node.addClass('found');
          node.connectedEdges().addClass('near');
          instance.elements().difference(node.closedNeighborhood()).addClass('faded');
        }
      }
    });
    if (selected) {
      const node = instance.getElementById(selected);
      if (node.nonempty() && !node.hasClass('hidden')) {
        // centred in the part of the drawing the details panel leaves free
        const zoom = Math.max(instance.zoom(), 1.2);
        const free = instance.width() - Math.min(384, instance.width() / 2);
        const { x, y } = node.position();
        instance.animate({ zoom, pan: { x: free / 2 - x * zoom, y: instance.height() / 2 - y * zoom } }, { duration: 300 });
      }
    }
  }, [selected, nodes, edges]);

  return (
    <div className="maillage-graph" ref={container} role="img" aria-label={label} />
  );
}

export function KindSymbol({ kind, size = 20 }: { kind: string; size?: number }) {
  const k = KIND[kind];
  return (
    <svg width={size} height={size} viewBox="-1 -1 26 26" aria-hidden="true" focusable="false" className="maillage-symbol">
      <path d={k.svg} fill={k.colour} stroke="#161616" strokeWidth="1.5" />
    </svg>
  );
}
