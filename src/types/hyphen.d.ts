// The hyphen package ships no types. Each pattern module is CommonJS: under ESM its functions arrive on
// the default export.
declare module 'hyphen/*' {
  type HyphenateSync = (
    text: string,
    options?: { hyphenChar?: string; minWordLength?: number; exceptions?: string[] },
  ) => string;
  const patterns: { hyphenateSync: HyphenateSync };
  export default patterns;
}
