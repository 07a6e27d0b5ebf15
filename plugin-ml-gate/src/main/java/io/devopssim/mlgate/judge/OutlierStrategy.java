package io.devopssim.mlgate.judge;

/** Kayenta's {@code outlierStrategy}: keep (its default since kayenta#621) or remove points beyond the IQR fences. */
public enum OutlierStrategy {
    KEEP,
    REMOVE
}
