/**
 * The contract shared by every module: stable names ({@link dev.mawm.models.Names}), and in the
 * subpackages the op interface, networks written once, config, checkpoint and bundle manifest formats.
 */
package dev.mawm.models;
