package io.devopssim.mlgate.gate;

/** The model could not be trained, loaded, saved or asked: XGBoost or file system failures. */
public class ModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
