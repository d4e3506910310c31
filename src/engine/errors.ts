/** Errors the engine raises with enough context for a person to fix the cause. */

/** Weight files needed for the requested layers are not present (not fetched, or only partly mirrored). */
export class MissingWeightsError extends Error {
  constructor(
    readonly modelId: string,
    readonly files: string[],
    readonly layers: string[],
    location: string,
  ) {
    super(
      `Model ${modelId}: ${files.length} weight file(s) needed for ${layers.join(', ')} are missing from ` +
        `${location}: ${files.join(', ')}. Fetch them with \`npm run models -- ${modelId}\` ` +
        `(from upstream; a mirror may hold only part of the model).`,
    );
    this.name = 'MissingWeightsError';
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
