/** Served by scripts/classifier-plugin.ts: the error classifier's weights, trained at build time. */
declare module 'virtual:classifier-weights' {
  const weights: import('./lib/fix-candidates.ts').ClassifierWeights;
  export default weights;
}
