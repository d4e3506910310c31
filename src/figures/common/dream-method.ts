/** How the optimisation figures describe their method on the recipe card. */
export const RECIPE_METHOD = 'Fourier basis, decorrelated colour, transforms (pad, jitter, scale, rotate)';
export const COMPARE_METHOD = 'naive (pixels) vs recipe';
