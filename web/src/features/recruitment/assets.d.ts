/** Vite's `?url` imports: the URL of an asset emitted beside the bundle. */
declare module '*?url' {
  const url: string;
  export default url;
}
