/**
 * Immutable, validated configuration records (one per config section) and their loading.
 */
package dev.mawm.models.config;
