// The dashboard runs in the browser: src/dashboard/tsconfig.json checks it with the DOM's types and
// without Node's, so nothing Node-only slips into the bundle (the root check leaves this folder out).

/** Vite's `?raw` suffix: the file's text, bundled (the world outline ships inside the dashboard). */
declare module '*?raw' {
  const text: string;
  export default text;
}
