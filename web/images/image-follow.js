// Follows one picture through the network, forwards and backwards, as a point is followed:
// the explanations' own trace panel (explain/passes.js, fetched on first use) writes out each
// layer's numbers, and the image diagram fades the layers the pass has not reached.
import { loadLater } from '../shared/later.js';

export class ImageFollow {
  // container: where the panel goes (under the diagram); diagram: the ImageNetwork.
  constructor({ container, diagram }) {
    Object.assign(this, { container, diagram, panel: null, followed: null });
  }

  async loadPanel() {
    if (this.panel) return;
    const passes = await loadLater(() => import('../explain/passes.js'), 'the panel that follows a picture');
    if (this.panel) return;
    this.panel = new passes.TracePanel(this.container, {
      onStep: (where) => this.diagram.highlight(where),
      onClose: () => this.close(),
    });
    this.panel.el.setAttribute('aria-label', 'Forward and backward pass of one picture');
    this.panel.el.dataset.what = 'picture';
  }

  // trace: the engine's { sums, activations, gradients, loss } for the picture; label: the
  // class it is trained towards; info: { sizes, lossName, names, width, height, caption }.
  async show(trace, label, info) {
    await this.loadPanel();
    this.followed = { trace, label, info };
    this.panel.show(this.data());
    this.panel.el.scrollIntoView?.({ block: 'nearest' });
  }

  // The same picture after the weights moved, or another one (a drawing, a picked test picture:
  // its label and caption come along): the numbers change, the stage stays.
  update(trace, { label = this.followed?.label, caption = this.followed?.info.caption } = {}) {
    if (!this.followed) return;
    Object.assign(this.followed, { trace, label, info: { ...this.followed.info, caption } });
    this.panel.update(this.data());
  }

  data() {
    const { trace, label, info } = this.followed;
    return { point: { label }, trace, sizes: info.sizes, labels: [], lossName: info.lossName, classes: info.names,
      image: { width: info.width, height: info.height, caption: info.caption } };
  }

  get active() {
    return Boolean(this.followed);
  }

  close() {
    this.followed = null;
    this.panel?.hide();
    this.diagram.highlight(null);
  }
}
