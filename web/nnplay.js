// The one module a page loads: it defines <nn-playground> (element/element.js). It has the
// dist bundle's name, so pages and share snippets name the same file in web/ and in dist/.
// May import element/ only.
import { defineElement } from './element/element.js';

defineElement(import.meta.url);
// Only in embed.html framed by another page: tells the parent the content height. Other pages
// never download that code.
if (document.documentElement.hasAttribute('data-nnplay-embed') && window.parent !== window) {
  import('./element/frame-height.js').then(({ reportFrameHeight }) => reportFrameHeight());
}
// A module script runs after the document is parsed: the page's theme switch, if any, is there.
// Only the standalone page has one, so an embedding page never downloads its code.
if (document.querySelector('[data-nnplay-theme]')) {
  import('./element/page-theme.js').then(({ wirePageTheme }) => wirePageTheme());
}
