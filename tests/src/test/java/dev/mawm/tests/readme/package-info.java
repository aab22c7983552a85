/** Tests that keep the README's code examples true. */
package dev.mawm.tests.readme;
