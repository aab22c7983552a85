/**
 * Model families as the {@code runtime} layer sees them: the {@link dev.mawm.runtime.family.RuntimeFamily}
 * descriptor (manifest rules, graph metadata, engine) and its registry
 * {@link dev.mawm.runtime.family.RuntimeFamilies}. DESIGN §2 "A family is registered once".
 */
package dev.mawm.runtime.family;
