// The published package's name and version, for the CDN snippet. tests/js/element/snippets.test.mjs
// fails when these drift from package.json, so a version bump cannot forget this file.
export const PACKAGE_NAME = 'nnplay';
export const PACKAGE_VERSION = '0.1.0';
