// Styles of the network diagram (network-view.js). The host adopts them as a constructable
// stylesheet in its shadow root; every class starts with nv-.
export const NETWORK_VIEW_CSS = `
.nv-root {
  position: relative;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  font-size: 11px;
  color: #333;
  user-select: none;
  -webkit-user-select: none;
  min-width: 0;
  overflow-x: auto;
}
.nv-root [hidden] { display: none !important; }

.nv-toolbar {
  display: flex;
  align-items: center;
  justify-content: center;
  gap: 6px;
  margin: 0 0 6px;
}
.nv-layer-count {
  font-size: 11px;
  letter-spacing: 0.05em;
  color: #555;
  margin-left: 4px;
  white-space: nowrap;
}

.nv-btn {
  box-sizing: border-box;
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 20px;
  height: 20px;
  padding: 0;
  border: 1px solid #c4c7ca;
  border-radius: 50%;
  background: #fff;
  color: #444;
  font: inherit;
  font-size: 14px;
  line-height: 1;
  cursor: pointer;
}
.nv-btn:hover:not(:disabled) { border-color: #0877bd; background: #eef4f9; color: #0877bd; }
.nv-btn:disabled { opacity: 0.35; cursor: default; }
.nv-btn:focus-visible, .nv-feature:focus-visible, .nv-bias:focus-visible, .nv-neuron:focus-visible {
  outline: 2px solid #0877bd;
  outline-offset: 1px;
}
.nv-narrow .nv-head .nv-btn { width: 16px; height: 16px; font-size: 12px; }

.nv-stage { position: relative; }
.nv-neuron:focus { outline: none; }
.nv-neuron:focus-visible { outline-offset: 2px; }

.nv-links, .nv-picture {
  position: absolute;
  left: 0;
  top: 0;
  overflow: visible;
  pointer-events: none;
}
.nv-picture { display: block; }
/* The maps change every frame: a layer of their own, out of the page's tiles (styles.js). */
.nv-map-canvas { will-change: transform; }
.nv-map-layer { position: absolute; left: 0; top: 0; pointer-events: none; }
/* The canvases (and the focus paths) lie above the nodes, which keep z-index auto: Chromium
   gives every canvas a compositing layer and whatever is painted above one a layer of its own,
   with raster tiles (a squash layer over the whole diagram, 1 MiB per playground). Below the
   canvases the nodes are painted into the page's own tiles. Links end at the nodes' edges and
   the maps cover the neurons' squares exactly, so the picture is the same; a hovered or focused
   node comes up (z-index 1, after the link canvas) so that its ring stays above the links. */
.nv-link-canvas, .nv-links, .nv-map-layer { z-index: 1; }
.nv-feature:hover, .nv-feature:focus-visible, .nv-neuron:hover, .nv-neuron:focus-visible,
.nv-bias:focus-visible { z-index: 1; }
/* Links are painted on a canvas (network-picture.js); a path shows only while focused. */
.nv-link { fill: none; stroke: none; pointer-events: none; }
.nv-link:focus {
  outline: none;
  stroke: #0877bd;
  stroke-width: 2px;
  stroke-dasharray: 5 3;
}
/* Hidden, so that it paints nothing (no raster tiles); pointer-events: stroke hit-tests the
   8 px stroke whatever the stroke and visibility are. */
.nv-link-hit {
  fill: none;
  stroke: transparent;
  stroke-width: 8px;
  visibility: hidden;
  pointer-events: stroke;
  cursor: pointer;
}

.nv-head {
  position: absolute;
  top: 0;
  transform: translateX(-50%);
  display: flex;
  flex-direction: column;
  align-items: center;
  gap: 3px;
}
.nv-head-buttons { display: flex; gap: 3px; }
.nv-narrow .nv-head-buttons { flex-direction: column; gap: 2px; }
.nv-count { font-size: 10px; color: #666; white-space: nowrap; }
.nv-narrow .nv-count-word { display: none; }

/* A feature's map, and a neuron's square (its map is painted over it by network-picture.js). */
.nv-thumb, .nv-neuron {
  display: block;
  width: var(--nv-node, 30px);
  height: var(--nv-node, 30px);
  background: #e8eaeb;
  box-shadow: 0 0 0 1px rgba(0, 0, 0, 0.12);
}

.nv-feature {
  position: absolute;
  box-sizing: border-box;
  display: flex;
  align-items: center;
  width: calc(var(--nv-label, 48px) + var(--nv-node, 30px));
  height: var(--nv-node, 30px);
  padding: 0;
  border: 0;
  background: none;
  color: #222;
  font: inherit;
  cursor: pointer;
}
.nv-feature-label {
  flex: 1;
  min-width: 0;
  padding-right: 4px;
  text-align: right;
  white-space: nowrap;
  overflow: hidden;
}
.nv-narrow .nv-feature-label { font-size: 9px; padding-right: 3px; }
.nv-feature.nv-off { color: #9a9ea3; }
.nv-feature.nv-off .nv-thumb { opacity: 0.35; }
.nv-feature:hover .nv-thumb, .nv-neuron:hover { box-shadow: 0 0 0 2px #333; }
.nv-feature.nv-off:hover .nv-thumb { opacity: 0.6; }

.nv-neuron { position: absolute; cursor: default; }
.nv-output { box-shadow: 0 0 0 1px rgba(0, 0, 0, 0.35); }

.nv-bias {
  position: absolute;
  width: 5px;
  height: 5px;
  box-shadow: 0 0 0 0.5px rgba(0, 0, 0, 0.4);
  cursor: pointer;
}
/* A larger invisible target around the 5 px square. */
.nv-bias::before { content: ""; position: absolute; inset: -4px; }

.nv-card {
  position: absolute;
  z-index: 2;
  padding: 3px 6px;
  border: 1px solid #c4c7ca;
  border-radius: 3px;
  background: #fff;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.15);
  color: #222;
  font-size: 11px;
  white-space: nowrap;
  pointer-events: none;
}
.nv-card.nv-editing { pointer-events: auto; }
.nv-card-input {
  width: 72px;
  margin-left: 4px;
  padding: 1px 3px;
  border: 1px solid #999;
  border-radius: 2px;
  font: inherit;
}
.nv-card-msg { display: block; color: #b3261e; }
.nv-card-note { display: block; color: #5b6670; }
`;
