// TypeScript declarations for the nnplay package: the <nn-playground> element, its config,
// metrics and event details. The settings themselves (NnPlaygroundSettings) are written by
// scripts/build-types.mjs from the SCHEMA in web/state/state.js into nnplay-config.d.ts.
import type { NnPlaygroundSettings } from './nnplay-config.js';

export type { NnPlaygroundSettings } from './nnplay-config.js';

/** Every setting by its URL-hash key, plus the hidden control names. */
export interface NnPlaygroundConfig extends NnPlaygroundSettings {
  hidden: string[];
}

/** What `config` accepts: any subset, each value typed or as the text its attribute takes. */
export type NnPlaygroundConfigInput = {
  [K in keyof NnPlaygroundConfig]?: NnPlaygroundConfig[K] | string;
} & { hide?: string | string[] };

/** The latest drawn frame's numbers. Losses and accuracies are NaN before the first frame. */
export interface NnPlaygroundMetrics {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
  running: boolean;
  /** Frames drawn since the element was connected. */
  frames: number;
}

export interface NnPlaygroundStoppedDetail extends NnPlaygroundMetrics {
  /** Why auto-stop halted training. */
  reason: string;
}

export interface NnPlaygroundErrorDetail {
  message: string;
  /** True when the shared engine crashed, restarted and this playground resumed where it was. */
  recovered?: boolean;
}

export interface NnPlaygroundDataDetail {
  /** What changed the data: the reader's edit, a CSV import or an opened experiment. */
  source: 'edit' | 'CSV' | 'experiment';
}

export interface NnPlaygroundSelectDetail {
  /** Index of the clicked training point, -1 when the click hit no point. */
  point: number;
}

export interface NnPlaygroundEventMap {
  epoch: CustomEvent<NnPlaygroundMetrics>;
  play: CustomEvent<Record<string, never>>;
  pause: CustomEvent<Record<string, never>>;
  diverged: CustomEvent<NnPlaygroundMetrics>;
  stopped: CustomEvent<NnPlaygroundStoppedDetail>;
  error: CustomEvent<NnPlaygroundErrorDetail>;
  data: CustomEvent<NnPlaygroundDataDetail>;
  select: CustomEvent<NnPlaygroundSelectDetail>;
}

/** The message embed.html posts to its parent whenever its content height changes. */
export interface NnPlaygroundHeightMessage {
  type: 'nnplay:height';
  /** The embedded page's content height in CSS pixels. */
  height: number;
}

export declare class NnPlayground extends HTMLElement {
  play(): void;
  pause(): void;
  /** Trains one epoch (the default) or one mini-batch, then pauses. */
  step(unit?: 'epoch' | 'batch'): Promise<void>;
  reset(): Promise<void>;
  readonly metrics: NnPlaygroundMetrics;
  get config(): NnPlaygroundConfig;
  set config(settings: NnPlaygroundConfigInput);
  controls: 'full' | 'minimal' | 'none';
  theme: 'light' | 'dark' | 'auto';
  height: string | null;
  hide: string;
  autoplay: boolean;
  share: boolean;
  addEventListener<K extends keyof NnPlaygroundEventMap>(type: K,
    listener: (this: NnPlayground, event: NnPlaygroundEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof NnPlaygroundEventMap>(type: K,
    listener: (this: NnPlayground, event: NnPlaygroundEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'nn-playground': NnPlayground;
  }
}
