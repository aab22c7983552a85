/**
 * Writing model bundles (DESIGN §6): graphs, golden files and the {@code bundle.json} manifest, into a
 * temporary directory renamed into place only once complete.
 */
package dev.mawm.export.bundle;
