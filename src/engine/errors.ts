/**
 * Errors the engine raises with enough context for a person to fix the cause. They say what is wrong and
 * where; how to fix it depends on who runs the engine (a build names a command, a page names the site), so
 * the caller adds that from the fields (see src/node/failure.ts for Node).
 */

/** Files a model needs are absent (not fetched, or only partly mirrored). */
export class MissingWeightsError extends Error {
  constructor(
    readonly modelId: string,
    readonly files: string[],
    readonly layers: string[],
    location: string,
  ) {
    const what = layers.length ? ` needed for ${layers.join(', ')}` : '';
    super(`Model ${modelId}: ${files.length} file(s)${what} are missing from ${location}: ${files.join(', ')}.`);
    this.name = 'MissingWeightsError';
  }
}

/** A model's file is there but is not what its manifest describes (truncated, damaged, or another version). */
export class CorruptWeightsError extends Error {
  constructor(
    readonly modelId: string,
    readonly file: string,
    problem: string,
    location: string,
  ) {
    super(`Model ${modelId}: ${file} in ${location} is corrupt (${problem}).`);
    this.name = 'CorruptWeightsError';
  }
}

/** A layer name that the model does not have; lists the valid ones. */
export class UnknownLayerError extends Error {
  constructor(
    readonly modelId: string,
    readonly layer: string,
    readonly valid: string[],
  ) {
    super(`Model ${modelId} has no layer "${layer}". Valid layers: ${valid.join(', ')}.`);
    this.name = 'UnknownLayerError';
  }
}
