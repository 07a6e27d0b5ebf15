package io.devopssim.mlgate.training;

/**
 * The request cannot train a model: too little history, one class only, a model directory of another
 * feature schema, a bad option. Raised before anything is written.
 */
public class TrainingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingException(String message) {
        super(message);
    }
}
