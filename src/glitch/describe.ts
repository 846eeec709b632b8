// Glitches in words, for screen readers: no scrambled character is ever spoken.

/** Four grades of description; empty at intensity 0. */
export function describeGlitch(intensity: number): string {
  const i = Number.isFinite(intensity) ? intensity : 0;
  if (i <= 0) return '';
  if (i < 0.3) return '[The words shiver and come apart.]';
  if (i < 0.55) return '[The text tears sideways and letters turn to static.]';
  if (i < 0.8) return '[The text breaks into static; fragments of earlier scenes bleed through.]';
  return '[The dream comes apart: the words dissolve into noise and, for a moment, nothing can be read.]';
}
