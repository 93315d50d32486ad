// Wide CSV data (more than two input columns): the map is a slice through two of them, picked
// under the map (web/wide/), a chunk fetched the first time such data arrive, so a playground of
// points never downloads it. The conductor hands this module every build of point data.
import { loadLater } from '../shared/later.js';
import { h } from '../shared/dom.js';

export class WideMode {
  // host: { root, ui, engine(), onPoints(points), onError } (see wide/slice-panel.js).
  constructor(host) {
    this.host = host;
  }

  setStructure(result) {
    if (result.wide || this.panel) {
      loadLater(() => import('../wide/slice-panel.js'), 'the map slice picker')
        .then((chunk) => (this.panel ??= new chunk.SlicePanel({ ...this.host, h })).show(result.wide), this.host.onError);
    }
  }
}
