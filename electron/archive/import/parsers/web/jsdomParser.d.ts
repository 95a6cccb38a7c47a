// Mozilla's JSDOMParser ships inside @mozilla/readability without types: the
// small DOM Firefox's reader view runs Readability on in a worker.
declare module '@mozilla/readability/JSDOMParser.js' {
  class JSDOMParser {
    /** Messages for markup it could not read; '' when the input was well formed. */
    errorState: string;
    parse(html: string, url?: string): unknown;
  }
  export default JSDOMParser;
}
