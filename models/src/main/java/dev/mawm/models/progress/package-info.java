/** Progress reporting from library code to whoever renders it (the CLI's progress bars). */
package dev.mawm.models.progress;
