/**
 * Configuration: immutable records per concern (environment, collection, planning, training),
 * documented field by field and validated in their constructors, and {@link dev.mawm.models.config.ConfigLoader},
 * which merges YAML/JSON files and dotted {@code key.path=value} overrides over the defaults.
 */
package dev.mawm.models.config;
