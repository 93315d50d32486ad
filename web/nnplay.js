// The one module a page loads: it defines <nn-playground> (element/element.js). It has the
// dist bundle's name, so pages and share snippets name the same file in web/ and in dist/.
// May import element/ only.
import { defineElement } from './element/element.js';
import { reportFrameHeight } from './element/frame-height.js';

defineElement(import.meta.url);
// Only in embed.html framed by another page: tells the parent the content height.
reportFrameHeight();
