// The press edition's settings in one place: the bleed and crop marks, the CMYK condition its output intent
// names, and the standard it claims. Read by the dispatch before the press code itself loads.
/** Millimetres: bleed beyond the trim; crop marks start past the bleed and run outward. */
export const pressGeometry = { bleed: 3, markGap: 2, markLength: 5, slug: 12 } as const;
/** Ghostscript's SWOP characterisation (U.S. web offset, coated): the CMYK condition the output intent names. */
export const pressProfile = {
  file: 'default_cmyk.icc',
  condition: 'U.S. Web Coated (SWOP), Artifex CMYK SWOP profile',
};
export const pressStandard = 'PDF/X-4';
