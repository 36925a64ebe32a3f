// esbuild bundles these files as text (see esbuild.mjs `loader`).
declare module '*.yaml' {
  const text: string;
  export default text;
}
