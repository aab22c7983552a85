/**
 * Model families as the {@code export} layer sees them: the {@link dev.mawm.export.family.ExportFamily} descriptor
 * (graphs, bundle dims and metadata, golden inputs) and its registry {@link dev.mawm.export.family.ExportFamilies}.
 * DESIGN §2 "A family is registered once".
 */
package dev.mawm.export.family;
