/**
 * Run mode (sandbox or live), the clock, and the start-up checks that refuse an unusable
 * configuration.
 */
package org.brokersso.setup;
