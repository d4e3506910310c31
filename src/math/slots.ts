/**
 * Slots: numbers in typeset math (or in the text around it) that the page rewrites without a math engine.
 * The build renders the formula once with each slot marked (mathml.ts); the page sets the marked
 * elements' text from the same values. This side has no TeX and no temml, so a page script may import it.
 */

/** The attribute that marks a slot's element with its key: <mn data-math-slot="out-width">28</mn>. */
export const SLOT_ATTRIBUTE = 'data-math-slot';

/** A slot's key: lower-case letters, digits and dashes (it travels through TeX's \data{key=value}). */
export const SLOT_KEY = /^[a-z][a-z0-9-]*$/;

/** Sets the text of every slot under `root` (marked by `attribute`) that `values` names. */
export function setSlots(root: ParentNode, values: Record<string, string>, attribute = SLOT_ATTRIBUTE): void {
  for (const element of root.querySelectorAll(`[${attribute}]`)) {
    const value = values[element.getAttribute(attribute)!];
    if (value !== undefined && element.textContent !== value) element.textContent = value;
  }
}
