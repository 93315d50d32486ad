// Picture data sets (dataset=fashion) draw with views of their own (web/images/), fetched the
// first time one is chosen: a playground of points never downloads them. The conductor asks
// this module whether a state is about pictures, hands it each build and each frame, and it
// enters or leaves the picture views.
import { loadLater } from '../shared/later.js';

export const isImageData = (state) => state.problem === 'classification' && state.dataset === 'fashion';

export class ImageMode {
  // context: what the picture views need of the playground (see images/image-panel.js) and
  // getState() for the latest settings.
  constructor(context) {
    Object.assign(this, { context, panel: null, loading: null });
  }

  // Enters or leaves the picture views for `state`; resolves with the panel or null.
  sync(state) {
    if (!isImageData(state)) {
      this.panel?.leave();
      return Promise.resolve(null);
    }
    this.loading ??= loadLater(() => import('../images/image-panel.js'), 'the picture views')
      .then((views) => new views.ImagePanel(this.context), (error) => { this.loading = null; throw error; });
    return this.loading.then((panel) => {
      this.panel = panel;
      if (isImageData(this.context.getState())) panel.enter(this.context.getState());
      return panel;
    });
  }

  // After a build of picture data: the views take its shape.
  setStructure(result, state) {
    this.sync(state).then((panel) => panel?.setStructure(result, state)).catch(this.context.onError);
  }

  // A frame with the first layer's weights is a picture network's: drawn here; false otherwise.
  draw(frame, how) {
    if (!('inputWeights' in frame)) return false;
    if (isImageData(this.context.getState())) this.panel?.onFrame(frame, how);
    return true;
  }
}
