package org.brokersso.ribbon.entity;

/**
 * Progress of pushing ribbons to everybody: whether a run is going on this server, traders with a
 * push record, those still pending, and of these the ones whose last push failed.
 */
public record RibbonRollout(boolean running, long traders, long pending, long failed) {}
