// wawoff2 (Google's woff2 in WebAssembly) ships no types; it is CommonJS, so under ESM its functions arrive on
// the default export.
declare module 'wawoff2' {
  const woff2: {
    /** The sfnt (TrueType or CFF) font a WOFF2 file holds. */
    decompress(woff2: Uint8Array): Promise<Uint8Array>;
    compress(sfnt: Uint8Array): Promise<Uint8Array>;
  };
  export default woff2;
}
