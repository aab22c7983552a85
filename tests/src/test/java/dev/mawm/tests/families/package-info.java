/** The family registries of every layer, checked against each other (DESIGN §2 "A family is registered once"). */
package dev.mawm.tests.families;
