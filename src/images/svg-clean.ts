// An SVG made safe to publish: parsed as XML and rebuilt from an allow-list of the elements and attributes a
// static chart or map needs (sanitize-html, the maintained sanitiser the body's raw HTML already goes
// through). No script, event handler, foreignObject, animation, style sheet, external or file: reference or
// javascript: URL survives; an SVG that is not one, or keeps nothing drawable, is refused.
import type sanitizeHtml from 'sanitize-html';
import { type ErrorLocation, ImprintError } from '../errors.js';
import { lazyRequire } from '../lazy-require.js';

const loadSanitizeHtml = lazyRequire<typeof sanitizeHtml>('sanitize-html');

const shapes = [
  'svg',
  'g',
  'defs',
  'symbol',
  'use',
  'title',
  'desc',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'textPath',
  'image',
];
const paint = ['linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker'];
const filters = [
  'filter',
  'feGaussianBlur',
  'feOffset',
  'feBlend',
  'feColorMatrix',
  'feComposite',
  'feFlood',
  'feMerge',
  'feMergeNode',
];
const geometry = [
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'fx',
  'fy',
  'width',
  'height',
  'd',
  'points',
  'dx',
  'dy',
  'rotate',
  'pathLength',
  'offset',
];
const presentation = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-miterlimit',
  'opacity',
  'color',
  'stop-color',
  'stop-opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'alignment-baseline',
  'letter-spacing',
  'transform',
  'clip-path',
  'clip-rule',
  'mask',
  'filter',
  'marker-start',
  'marker-mid',
  'marker-end',
  'visibility',
  'display',
  'style',
  'class',
  'id',
  'lang',
  'xml:lang',
  'xml:space',
];
const structure = [
  'xmlns',
  'xmlns:xlink',
  'version',
  'viewBox',
  'preserveAspectRatio',
  'href',
  'xlink:href',
  'gradientUnits',
  'gradientTransform',
  'spreadMethod',
  'patternUnits',
  'patternContentUnits',
  'patternTransform',
  'clipPathUnits',
  'maskUnits',
  'maskContentUnits',
  'markerWidth',
  'markerHeight',
  'refX',
  'refY',
  'orient',
  'markerUnits',
  'filterUnits',
  'primitiveUnits',
  'in',
  'in2',
  'result',
  'stdDeviation',
  'mode',
  'operator',
  'values',
  'type',
  'flood-color',
  'flood-opacity',
  'k1',
  'k2',
  'k3',
  'k4',
  'role',
  'aria-label',
  'aria-hidden',
  'focusable',
];

const textElements = new Set(['text', 'tspan', 'textPath', 'title', 'desc']);

/** Only a reference inside the file (#id) or an embedded PNG/JPEG may be named by href or url(). */
const internalReference = /^\s*#[\w.:-]+\s*$/;
const embeddedRaster = /^\s*data:image\/(?:png|jpeg);base64,[a-z0-9+/=\s]+$/i;

const options: sanitizeHtml.IOptions = {
  allowedTags: [...shapes, ...paint, ...filters],
  allowedAttributes: { '*': [...geometry, ...presentation, ...structure] },
  // Kept as XML: element and attribute names keep their case (viewBox, linearGradient).
  parser: { xmlMode: true, lowerCaseTags: false, lowerCaseAttributeNames: false, decodeEntities: true },
  selfClosing: [
    'path',
    'rect',
    'circle',
    'ellipse',
    'line',
    'polyline',
    'polygon',
    'use',
    'image',
    'stop',
    ...filters.filter((name) => name.startsWith('fe')),
  ],
  // Dropped with everything inside them, text included.
  nonTextTags: [
    'script',
    'style',
    'foreignObject',
    'noscript',
    'iframe',
    'animate',
    'animateTransform',
    'animateMotion',
    'set',
    'a',
    'switch',
    'metadata',
  ],
  allowedSchemes: [],
  allowedSchemesAppliedToAttributes: [],
  allowProtocolRelative: false,
  transformTags: { '*': (tagName, attribs) => ({ tagName, attribs: safeAttributes(tagName, attribs) }) },
  // Words belong in text elements; anywhere else (the body of a <SCRIPT>, which XML does not take for a script) they go.
  textFilter: (text, tagName) => (textElements.has(tagName) || text.trim() === '' ? text : ''),
};

export function cleanSvg(bytes: Uint8Array, where: ErrorLocation, written: string): Buffer {
  const text = Buffer.from(bytes).toString('utf8');
  if (/<!ENTITY/i.test(text)) {
    throw new ImprintError(
      `SVG "${written}" declares XML entities, which imprint does not expand`,
      where,
      'Export the SVG again without a DOCTYPE, or as a PNG.',
      { rule: 'unsafe-svg' },
    );
  }
  const cleaned = loadSanitizeHtml()(text, options).trim();
  if (
    !/^<svg[\s>]/.test(cleaned) ||
    !/\bxmlns="http:\/\/www\.w3\.org\/2000\/svg"/.test(cleaned.slice(0, cleaned.indexOf('>') + 1))
  ) {
    throw new ImprintError(
      `SVG "${written}" has no <svg> root in the SVG namespace once cleaned`,
      where,
      'Export it again as a plain SVG (xmlns="http://www.w3.org/2000/svg"), or as a PNG.',
      { rule: 'unsafe-svg' },
    );
  }
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${cleaned}\n`);
}

function safeAttributes(tag: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const safe: sanitizeHtml.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    // The namespaces are names, not references; only the two SVG needs are kept.
    if (name === 'xmlns' || name === 'xmlns:xlink') {
      if (value === (name === 'xmlns' ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1999/xlink'))
        safe[name] = value;
      continue;
    }
    if (
      /^on/i.test(name) ||
      /(?:javascript|vbscript|file|https?|ftp|data)\s*:/i.test(value.replace(embeddedRaster, ''))
    )
      continue;
    if (name === 'href' || name === 'xlink:href') {
      const allowed = internalReference.test(value) || (tag === 'image' && embeddedRaster.test(value));
      if (!allowed) continue;
    }
    // url() only to the file's own gradients, clips and markers; CSS may not import or expand anything.
    if (
      /url\s*\(/i.test(value) &&
      ![...value.matchAll(/url\s*\(([^)]*)\)/gi)].every((match) =>
        internalReference.test(match[1]!.replace(/["']/g, '')),
      )
    )
      continue;
    if (name === 'style' && /@import|expression\s*\(|\\/i.test(value)) continue;
    safe[name] = value;
  }
  return safe;
}
