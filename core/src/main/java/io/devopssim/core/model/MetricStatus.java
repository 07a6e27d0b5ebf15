package io.devopssim.core.model;

/** Per-metric classification, in Kayenta's vocabulary. */
public enum MetricStatus {
    PASS,
    HIGH,
    LOW,
    NO_DATA
}
