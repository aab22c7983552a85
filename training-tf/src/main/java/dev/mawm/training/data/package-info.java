/** Training data from datasets: one-step {@link dev.mawm.training.data.Transitions}, episode splits, sequence windows, file hashes. */
package dev.mawm.training.data;
