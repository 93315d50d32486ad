// Where training is within the current epoch, followed on the worker's side the way the
// engine's Session::step walks the training set: a mini-batch takes min(batch size, samples
// left), and the batch after the last one starts a new epoch. The engine counts only whole
// epochs, and an epoch of pictures spans many frames (the default three classes pass 90 % test
// accuracy within the first), so the loss chart places each measurement at epoch + this
// fraction instead of waiting for the epoch's end.
export class EpochPosition {
  constructor() {
    // seen: samples of the current epoch trained (n or more: the epoch is complete, the next
    // batch starts another); epoch: the epochs completed as counted here, null when only the
    // engine's next measurement can say. A new network starts at an epoch's end, as the engine does.
    this.seen = Infinity;
    this.epoch = 0;
  }

  // `batches` mini-batches of `batch` samples over a training set of n.
  advance(batches, n, batch) {
    if (!(n > 0 && batch > 0 && batches > 0) || this.epoch === null) return;
    let left = batches;
    if (this.seen < n) {
      const toEnd = Math.ceil((n - this.seen) / batch);
      if (left < toEnd) {
        this.seen += left * batch;
        return;
      }
      left -= toEnd;
      this.epoch += 1;
    }
    const perEpoch = Math.ceil(n / batch);
    this.epoch += Math.floor(left / perEpoch);
    const rest = left % perEpoch;
    this.seen = rest > 0 ? rest * batch : n;
  }

  // Whole epochs trained, as after Session::train_epochs: the epoch ends with them.
  finishEpochs() {
    this.seen = Infinity;
    this.epoch = null;
  }

  // The fraction of the current epoch trained, given the engine's count of completed epochs.
  // A count that disagrees with ours (training this object did not see: a reset, an opened
  // experiment resumed mid-epoch) starts over from an epoch's end.
  fraction(epoch, n) {
    if (epoch !== this.epoch) {
      this.epoch = epoch;
      this.seen = Infinity;
    }
    return this.seen < n ? this.seen / n : 0;
  }
}
