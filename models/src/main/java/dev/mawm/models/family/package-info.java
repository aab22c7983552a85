/**
 * Model families as the {@code models} layer sees them: the {@link dev.mawm.models.family.ModelFamily} descriptor
 * (name, components, tensor names, spec to network, config section) and its registry
 * {@link dev.mawm.models.family.ModelFamilies}. DESIGN §2 "A family is registered once".
 */
package dev.mawm.models.family;
